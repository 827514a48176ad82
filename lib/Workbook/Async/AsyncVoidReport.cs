namespace Workbook.Async;

/// <summary>What happened when <see cref="AsyncVoidProbe"/> ran an <c>async void</c> call.</summary>
/// <param name="CaughtByCaller">What the call itself threw to its caller (for async void: nothing, even when the method fails).</param>
/// <param name="Escaped">Exceptions the method posted to the synchronization context, which would crash a process that has no context to catch them.</param>
/// <param name="Finished">True when every async void operation completed before the probe stopped waiting.</param>
public sealed record AsyncVoidReport(Exception? CaughtByCaller, IReadOnlyList<Exception> Escaped, bool Finished)
{
    /// <summary>A sentence per fact, e.g. that the caller caught nothing while one exception escaped.</summary>
    public override string ToString()
    {
        string caller = CaughtByCaller is null
            ? "The caller's try/catch caught nothing."
            : $"The caller caught {CaughtByCaller.GetType().Name}: {CaughtByCaller.Message}";
        string escaped = Escaped.Count == 0
            ? "No exception escaped."
            : $"{Escaped.Count} exception(s) escaped to the SynchronizationContext: "
                + string.Join("; ", Escaped.Select(e => $"{e.GetType().Name}: {e.Message}"))
                + ". Without a context to capture them they are rethrown on a thread-pool thread, and the process ends.";
        string finished = Finished ? string.Empty : " The method had not finished when the probe stopped waiting.";
        return $"{caller} {escaped}{finished}";
    }
}
