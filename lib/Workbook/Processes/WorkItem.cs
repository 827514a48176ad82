using System.Globalization;
using Workbook.Processes.Wire;

namespace Workbook.Processes;

/// <summary>
/// One unit of work for a worker process: an operation, its arguments and a label for charts.
/// Create items with the static factories (<see cref="CountPrimes"/>, <see cref="Sleep"/> …);
/// give one a custom label with <c>item with { Label = "…" }</c>.
/// </summary>
/// <remarks>Immutable, so safe to share between threads and to submit more than once.</remarks>
public sealed record WorkItem
{
    private readonly string _label;

    private WorkItem(WorkOperation operation, string label, long argument = 0, long argument2 = 0, string? text = null)
    {
        Operation = operation;
        _label = label;
        Argument = argument;
        Argument2 = argument2;
        Text = text;
    }

    /// <summary>What the worker should do.</summary>
    public WorkOperation Operation { get; }

    /// <summary>A short name shown in timelines, logs and errors; not empty.</summary>
    /// <exception cref="ArgumentException">Set to null, empty or white space.</exception>
    public string Label
    {
        get => _label;
        init => _label = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A work item's label must not be empty.", nameof(Label))
            : value;
    }

    /// <summary>First numeric argument: range start, iteration count or milliseconds, by operation.</summary>
    public long Argument { get; }

    /// <summary>Second numeric argument: the exclusive range end for <see cref="WorkOperation.CountPrimes"/>.</summary>
    public long Argument2 { get; }

    /// <summary>Text argument: what <see cref="WorkOperation.Echo"/> returns or <see cref="WorkOperation.Throw"/> throws.</summary>
    public string? Text { get; }

    /// <summary>Count the primes in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="from">Inclusive start, at least 0.</param>
    /// <param name="to">Exclusive end, at least <paramref name="from"/>.</param>
    /// <returns>The item; its result's <see cref="WorkResult.Value"/> is the count.</returns>
    public static WorkItem CountPrimes(long from, long to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        return new(WorkOperation.CountPrimes, Invariant($"primes[{from},{to})"), from, to);
    }

    /// <summary>Splits [<paramref name="from"/>, <paramref name="to"/>) into <paramref name="chunks"/> prime-counting items of near-equal width.</summary>
    /// <param name="from">Inclusive start, at least 0.</param>
    /// <param name="to">Exclusive end, at least <paramref name="from"/>.</param>
    /// <param name="chunks">How many items, at least 1.</param>
    /// <returns>Items covering the range exactly once, in order; their counts add up to the range's count.</returns>
    public static IReadOnlyList<WorkItem> CountPrimesInChunks(long from, long to, int chunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunks);
        var items = new WorkItem[chunks];
        long width = to - from;
        for (int i = 0; i < chunks; i++)
        {
            // Integer arithmetic on the boundaries: no gaps or overlaps, whatever the rounding.
            long start = from + width * i / chunks;
            long end = from + width * (i + 1) / chunks;
            items[i] = CountPrimes(start, end);
        }

        return items;
    }

    /// <summary>Spin the CPU for <paramref name="iterations"/> steps.</summary>
    /// <param name="iterations">At least 0; about 10⁸ steps take a fraction of a second.</param>
    /// <returns>The item; its result's <see cref="WorkResult.Value"/> equals <see cref="CpuWork.Spin(long, CancellationToken)"/>.</returns>
    public static WorkItem Spin(long iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        return new(WorkOperation.Spin, Invariant($"spin {iterations}"), iterations);
    }

    /// <summary>Wait without using the CPU, like a call to a slow service.</summary>
    /// <param name="milliseconds">At least 0.</param>
    /// <returns>The item; its result's <see cref="WorkResult.Value"/> is the milliseconds slept.</returns>
    public static WorkItem Sleep(int milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        return new(WorkOperation.Sleep, Invariant($"sleep {milliseconds}ms"), milliseconds);
    }

    /// <summary>Send <paramref name="text"/> to the worker and back.</summary>
    /// <param name="text">Any text, not null.</param>
    /// <returns>The item; its result's <see cref="WorkResult.Text"/> is <paramref name="text"/>.</returns>
    public static WorkItem Echo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(WorkOperation.Echo, "echo", text: text);
    }

    /// <summary>Crash the worker process that runs this item (every time it is run).</summary>
    /// <returns>The item; running it fails with <see cref="WorkerCrashedException"/>.</returns>
    public static WorkItem Crash() => new(WorkOperation.Crash, "crash");

    /// <summary>Throw an exception inside the worker; the worker reports it and stays alive.</summary>
    /// <param name="message">The exception message, not null.</param>
    /// <returns>The item; running it fails with <see cref="WorkItemFailedException"/>.</returns>
    public static WorkItem Throw(string message = "The work item asked to fail.")
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(WorkOperation.Throw, "throw", text: message);
    }

    /// <summary>Ask the worker for its process id.</summary>
    /// <returns>The item; its result's <see cref="WorkResult.Value"/> is the worker's pid.</returns>
    public static WorkItem Pid() => new(WorkOperation.Pid, "pid");

    /// <summary>The label and operation, e.g. <c>primes[0,1000) (CountPrimes)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Label} ({Operation})";

    /// <summary>The operation's name on the wire.</summary>
    internal string WireOperation => Operation switch
    {
        WorkOperation.CountPrimes => WireNames.Primes,
        WorkOperation.Spin => WireNames.Spin,
        WorkOperation.Sleep => WireNames.Sleep,
        WorkOperation.Echo => WireNames.Echo,
        WorkOperation.Crash => WireNames.Crash,
        WorkOperation.Throw => WireNames.Throw,
        WorkOperation.Pid => WireNames.Pid,
        _ => throw new InvalidOperationException($"Unknown operation {Operation}."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
