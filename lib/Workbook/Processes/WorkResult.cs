namespace Workbook.Processes;

/// <summary>The outcome of one work item that a worker completed.</summary>
/// <param name="Label">The item's label.</param>
/// <param name="Operation">The item's operation.</param>
/// <param name="Value">The numeric answer: prime count, spin checksum, milliseconds slept or pid (0 for echo).</param>
/// <param name="Text">The echoed text, for <see cref="WorkOperation.Echo"/>; otherwise null.</param>
/// <param name="ProcessId">The worker process that ran the item.</param>
/// <param name="Elapsed">Time spent inside the worker, as the worker measured it.</param>
public sealed record WorkResult(
    string Label, WorkOperation Operation, long Value, string? Text, int ProcessId, TimeSpan Elapsed)
{
    /// <summary>For example <c>primes[0,1000) = 168 (pid 4242, 1.3 ms)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{Label} = {(Text ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture))} " +
        $"(pid {ProcessId}, {Elapsed.TotalMilliseconds:0.0} ms)";
}
