namespace Workbook.Measurement;

/// <summary>One recorded piece of work: who ran it (the lane), what it was, and when, relative to the recorder's creation.</summary>
/// <param name="Lane">Who ran it: a thread ("thread 12"), a worker ("worker 2"), a task or a process.</param>
/// <param name="Label">What ran, e.g. "item 7".</param>
/// <param name="Start">When it started, measured from the recorder's creation.</param>
/// <param name="End">When it ended, measured from the recorder's creation; never before <paramref name="Start"/>.</param>
public sealed record ActivitySpan(string Lane, string Label, TimeSpan Start, TimeSpan End)
{
    /// <summary>How long the work ran: <see cref="End"/> − <see cref="Start"/>.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>E.g. "worker 2 | item 7 | 12.0 ms → 15.3 ms (3.30 ms)".</summary>
    /// <returns>The span as one line.</returns>
    public override string ToString() =>
        $"{Lane} | {Label} | {Durations.Format(Start)} → {Durations.Format(End)} ({Durations.Format(Duration)})";
}
