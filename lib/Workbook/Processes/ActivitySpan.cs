namespace Workbook.Processes;

/// <summary>How a stretch of work on a pool worker ended.</summary>
public enum ActivityOutcome
{
    /// <summary>The worker returned a result.</summary>
    Completed,

    /// <summary>The item threw inside the worker; the worker lived on.</summary>
    Failed,

    /// <summary>The worker process died while running the item.</summary>
    Crashed,

    /// <summary>The caller cancelled the item and the worker stopped it.</summary>
    Cancelled,
}

/// <summary>One bar of a pool's activity timeline: which worker ran which item, and when.</summary>
/// <param name="Worker">The pool slot (0-based); a replacement worker keeps its slot's index.</param>
/// <param name="ProcessId">The worker process that ran the item.</param>
/// <param name="Label">The item's label.</param>
/// <param name="Start">When the item was sent to the worker, measured from the pool's start.</param>
/// <param name="End">When its outcome was known, measured from the pool's start.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record ActivitySpan(int Worker, int ProcessId, string Label, TimeSpan Start, TimeSpan End, ActivityOutcome Outcome)
{
    /// <summary>How long the item occupied the worker.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>For example <c>worker 1 (pid 4242) primes[0,1000) 12.0–15.5 ms Completed</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"worker {Worker} (pid {ProcessId}) {Label} {Start.TotalMilliseconds:0.0}–{End.TotalMilliseconds:0.0} ms {Outcome}";
}
