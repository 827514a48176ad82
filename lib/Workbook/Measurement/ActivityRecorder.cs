using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Workbook.Measurement;

/// <summary>
/// Records who ran what and when, for timeline (Gantt) charts:
/// <c>using (recorder.Record("item 7")) { ... }</c> stores a span in the lane of the current
/// thread (or a lane you name), with start and end measured from the recorder's creation.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="Record"/>, <see cref="Add"/>, <see cref="Spans"/> and
/// <see cref="Count"/> may be called from any number of threads at once. Spans go into a
/// lock-free <see cref="ConcurrentQueue{T}"/>, so concurrent writers never lose or duplicate one.
/// A span appears when its scope is disposed; <see cref="Spans"/> is a snapshot that shows the
/// spans finished before the call and never changes afterwards. A scope that is never disposed
/// is never recorded. Time comes from the injected <see cref="TimeProvider"/>; the recorder keeps
/// every span in memory until it is collected, and needs no disposal.
/// </remarks>
public sealed class ActivityRecorder
{
    private readonly ConcurrentQueue<ActivitySpan> _spans = new();
    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;

    /// <summary>Creates a recorder whose clock starts now.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public ActivityRecorder(TimeProvider? timeProvider = null)
    {
        _clock = timeProvider ?? TimeProvider.System;
        _startTimestamp = _clock.GetTimestamp();
    }

    /// <summary>Time since the recorder was created; the clock every span is measured against.</summary>
    public TimeSpan Elapsed => _clock.GetElapsedTime(_startTimestamp);

    /// <summary>How many spans have been recorded so far.</summary>
    public int Count => _spans.Count;

    /// <summary>Every recorded span, ordered by start (then end, lane and label): an immutable snapshot.</summary>
    public IReadOnlyList<ActivitySpan> Spans
    {
        get
        {
            ActivitySpan[] copy = _spans.ToArray();
            Array.Sort(copy, CompareSpans);
            return ImmutableArray.Create(copy);
        }
    }

    /// <summary>The lane name used when none is given: "thread " and the current managed thread id.</summary>
    public static string CurrentThreadLane => $"thread {Environment.CurrentManagedThreadId}";

    /// <summary>Starts a span now; it is recorded when the returned scope is disposed.</summary>
    /// <param name="label">What is running, e.g. "item 7".</param>
    /// <param name="lane">Who runs it, e.g. "worker 2"; when null, the starting thread ("thread 12").</param>
    /// <returns>The open span; dispose it (a <c>using</c> block) to record it.</returns>
    /// <exception cref="ArgumentException"><paramref name="lane"/> is empty or white space.</exception>
    public ActivityScope Record(string label, string? lane = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (lane is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        }
        return new ActivityScope(this, lane ?? CurrentThreadLane, label, Elapsed);
    }

    /// <summary>Adds a span measured elsewhere, e.g. reported by a child process.</summary>
    /// <param name="lane">Who ran it; not empty.</param>
    /// <param name="label">What ran.</param>
    /// <param name="start">When it started, from the recorder's creation; not negative.</param>
    /// <param name="end">When it ended, from the recorder's creation; not before <paramref name="start"/>.</param>
    /// <returns>The recorded span.</returns>
    /// <exception cref="ArgumentException"><paramref name="lane"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is negative or <paramref name="end"/> is before it.</exception>
    public ActivitySpan Add(string lane, string label, TimeSpan start, TimeSpan end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(start, TimeSpan.Zero);
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"The span ends ({end}) before it starts ({start}).");
        }
        var span = new ActivitySpan(lane, label, start, end);
        _spans.Enqueue(span);
        return span;
    }

    /// <summary>E.g. "1,234 spans in 4 lanes over 2.50 s".</summary>
    /// <returns>A one-line summary of what was recorded.</returns>
    public override string ToString()
    {
        ActivitySpan[] spans = _spans.ToArray();
        int lanes = spans.Select(s => s.Lane).Distinct(StringComparer.Ordinal).Count();
        TimeSpan end = spans.Length == 0 ? TimeSpan.Zero : spans.Max(s => s.End);
        return $"{NumberText.Count(spans.Length)} spans in {lanes} lanes over {Durations.Format(end)}";
    }

    private static int CompareSpans(ActivitySpan a, ActivitySpan b)
    {
        int order = a.Start.CompareTo(b.Start);
        if (order == 0) order = a.End.CompareTo(b.End);
        if (order == 0) order = string.CompareOrdinal(a.Lane, b.Lane);
        if (order == 0) order = string.CompareOrdinal(a.Label, b.Label);
        return order;
    }
}
