using MeasuredSpan = Workbook.Measurement.ActivitySpan;

namespace Workbook.Processes;

/// <summary>How <see cref="PoolTimeline.ToActivitySpans"/> groups a pool's work into timeline rows.</summary>
public enum TimelineLanes
{
    /// <summary>One row per pool slot ("worker 0"): a replacement worker continues its slot's row.</summary>
    Worker,

    /// <summary>One row per worker process ("pid 4242"): a replacement worker gets a row of its own.</summary>
    Process,
}

/// <summary>
/// Turns a <see cref="ProcessPool.Timeline"/> into the workbook's general
/// <see cref="Workbook.Measurement.ActivitySpan"/>s, so <c>Plot.Timeline</c> can draw it, and
/// answers questions about it (how many items ran at once).
/// </summary>
/// <remarks>Pure functions over snapshots: thread-safe, and they never change the pool.</remarks>
public static class PoolTimeline
{
    /// <summary>Converts pool spans to chartable spans: lane per worker (or per process), label with pid and outcome.</summary>
    /// <param name="spans">A pool's timeline, e.g. <c>pool.Timeline</c>.</param>
    /// <param name="lanes">One row per slot (default) or per worker process.</param>
    /// <returns>The spans in start order; labels read like <c>primes[0,1000) · worker 0, pid 4242</c>, with <c>· Crashed</c>
    /// (or another outcome) appended when the item did not complete.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spans"/> is null.</exception>
    /// <exception cref="ArgumentException">An element is null.</exception>
    public static IReadOnlyList<MeasuredSpan> ToActivitySpans(
        this IEnumerable<ActivitySpan> spans, TimelineLanes lanes = TimelineLanes.Worker)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ActivitySpan[] list = [.. spans];
        if (Array.IndexOf(list, null) is var missing and >= 0)
        {
            throw new ArgumentException($"Timeline span at index {missing} is null.", nameof(spans));
        }

        return
        [
            .. list
                .OrderBy(s => s.Start)
                .ThenBy(s => s.Worker)
                .Select(s => new MeasuredSpan(Lane(s, lanes), Label(s), s.Start, s.End)),
        ];
    }

    /// <summary>
    /// The largest number of items that were running at the same moment. 1 means the items ran
    /// strictly one after another; the pool's worker count is the most possible.
    /// </summary>
    /// <param name="spans">A pool's timeline.</param>
    /// <returns>The peak overlap; 0 for an empty timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spans"/> is null.</exception>
    public static int MaxInFlight(this IEnumerable<ActivitySpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);

        // Sweep over start (+1) and end (-1) events. At equal times ends go first: an item
        // that starts exactly when another ends is a hand-over, not an overlap.
        var events = spans
            .SelectMany(s => new[] { (Time: s.Start, Delta: +1), (Time: s.End, Delta: -1) })
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Delta);
        int running = 0, peak = 0;
        foreach ((_, int delta) in events)
        {
            running += delta;
            peak = Math.Max(peak, running);
        }

        return peak;
    }

    private static string Lane(ActivitySpan span, TimelineLanes lanes) => lanes switch
    {
        TimelineLanes.Worker => $"worker {span.Worker}",
        // Short enough for the chart's row labels; the slot is in the bar's label.
        TimelineLanes.Process => $"pid {span.ProcessId}",
        _ => throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "Choose TimelineLanes.Worker or TimelineLanes.Process."),
    };

    private static string Label(ActivitySpan span) => span.Outcome == ActivityOutcome.Completed
        ? $"{span.Label} · worker {span.Worker}, pid {span.ProcessId}"
        : $"{span.Label} · worker {span.Worker}, pid {span.ProcessId} · {span.Outcome}";
}
