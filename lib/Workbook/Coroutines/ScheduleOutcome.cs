namespace Workbook.Coroutines;

/// <summary>How a <see cref="CooperativeScheduler.Run"/> ended.</summary>
public enum ScheduleOutcome
{
    /// <summary>Every task finished (completed or faulted).</summary>
    Completed,

    /// <summary>
    /// Unfinished tasks remained but none could ever run again: a deadlock (tasks waiting for each
    /// other), or a policy that never woke a sleeper. See <see cref="ScheduleReport.StallReason"/>.
    /// </summary>
    Stalled,

    /// <summary>The step limit passed to <see cref="CooperativeScheduler.Run"/> was reached first.</summary>
    StepLimitReached,
}
