using System.Globalization;

namespace Workbook.Processes;

/// <summary>Where a <see cref="ScalingPoint"/>'s work ran.</summary>
public enum ScalingMode
{
    /// <summary>In a <see cref="ProcessPool"/> of that many worker processes.</summary>
    Processes,

    /// <summary>On that many threads inside the calling process.</summary>
    Threads,
}

/// <summary>One measurement of <see cref="ProcessScaling"/>: the same work items on <see cref="Workers"/> processes or threads.</summary>
/// <param name="Mode">Processes or threads.</param>
/// <param name="Workers">How many worker processes (or threads) shared the items.</param>
/// <param name="Items">How many items ran.</param>
/// <param name="Total">The sum of the items' values (for prime counts: the number of primes found), identical for every run.</param>
/// <param name="Elapsed">From handing out the first item until the last result was in (the fastest of the rounds run); start-up is not included.</param>
/// <param name="ProcessIds">The worker processes that were started for this run (empty for threads).</param>
public sealed record ScalingPoint(
    ScalingMode Mode, int Workers, int Items, long Total, TimeSpan Elapsed, IReadOnlyList<int> ProcessIds)
{
    /// <summary>Items finished per second.</summary>
    public double ItemsPerSecond => Items / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>For example <c>2 processes: 16 items in 612 ms = 26.1 items/s (total 148,933)</c>.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Workers} {(Mode == ScalingMode.Processes ? "process(es)" : "thread(s)")}: {Items} items in " +
        $"{Elapsed.TotalMilliseconds:N0} ms = {ItemsPerSecond:0.0} items/s (total {Total:N0})");
}
