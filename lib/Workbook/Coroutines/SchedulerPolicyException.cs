namespace Workbook.Coroutines;

/// <summary>
/// A scheduling policy broke the <see cref="ISchedulerPolicy"/> contract: it chose a task that
/// may not run (still sleeping, waiting, already finished, or not this scheduler's).
/// </summary>
/// <remarks>The scheduler has already disposed every unfinished task when this is thrown; <see cref="Report"/> holds the run up to that point.</remarks>
public sealed class SchedulerPolicyException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the policy did wrong, naming the task and the tick.</param>
    /// <param name="tick">The tick at which it happened.</param>
    /// <param name="task">The task the policy chose.</param>
    /// <param name="report">The run up to that point.</param>
    public SchedulerPolicyException(string message, long tick, string task, ScheduleReport report)
        : base(message)
    {
        Tick = tick;
        Task = task;
        Report = report;
    }

    /// <summary>The tick at which the policy chose the wrong task.</summary>
    public long Tick { get; }

    /// <summary>The name of the task it chose.</summary>
    public string Task { get; }

    /// <summary>The run up to the mistake.</summary>
    public ScheduleReport Report { get; }
}
