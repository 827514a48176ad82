using System.Globalization;

namespace Workbook.Processes;

/// <summary>What became of one work item: its value, or the exception that explains why there is none.</summary>
/// <remarks>Immutable, so safe to share between threads. Create with <see cref="Success(WorkResult)"/> or
/// <see cref="Failure(WorkItem, Exception)"/>.</remarks>
public sealed record ItemOutcome
{
    private ItemOutcome(string label, long? value, Exception? error)
    {
        Label = label;
        Value = value;
        Error = error;
    }

    /// <summary>The item's label.</summary>
    public string Label { get; }

    /// <summary>The item's value when it succeeded; null when it failed.</summary>
    public long? Value { get; }

    /// <summary>Why the item failed (e.g. a <see cref="WorkerCrashedException"/>); null when it succeeded.</summary>
    public Exception? Error { get; }

    /// <summary>Whether the item produced a value.</summary>
    public bool Succeeded => Error is null;

    /// <summary>An item that completed, from the pool's result.</summary>
    /// <param name="result">What the worker returned.</param>
    /// <returns>The outcome, carrying the result's label and value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ItemOutcome Success(WorkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ItemOutcome(result.Label, result.Value, null);
    }

    /// <summary>An item that completed with <paramref name="value"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static ItemOutcome Success(WorkItem item, long value)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemOutcome(item.Label, value, null);
    }

    /// <summary>An item that produced no value, and why.</summary>
    /// <param name="item">The item.</param>
    /// <param name="error">The exception the pool gave for it, e.g. <see cref="WorkerCrashedException"/>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> or <paramref name="error"/> is null.</exception>
    public static ItemOutcome Failure(WorkItem item, Exception error)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(error);
        return new ItemOutcome(item.Label, null, error);
    }

    /// <summary>For example <c>primes[0,1000) = 168</c> or <c>crash FAILED (WorkerCrashedException): …</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Error is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Label} = {Value}")
        : $"{Label} FAILED ({Error.GetType().Name}): {Error.Message}";
}
