using Workbook.Measurement;

namespace Workbook.Coroutines;

/// <summary>
/// What a <see cref="CooperativeScheduler.Run"/> did: every step (which task ran at which tick),
/// every task's periods of running, waiting its turn, sleeping and waiting for another task, and
/// how the run ended. Draw it with <see cref="ScheduleChart.Timeline"/>.
/// </summary>
/// <remarks>Immutable once the run has ended; safe to share between threads.</remarks>
public sealed class ScheduleReport
{
    internal ScheduleReport(
        ScheduleOutcome outcome,
        long endTick,
        IReadOnlyList<ScheduleStep> steps,
        IReadOnlyList<TaskPeriod> periods,
        IReadOnlyList<CoTask> tasks,
        string? stallReason)
    {
        Outcome = outcome;
        EndTick = endTick;
        Steps = steps;
        Periods = periods;
        Tasks = tasks;
        StallReason = stallReason;
    }

    /// <summary>How the run ended.</summary>
    public ScheduleOutcome Outcome { get; }

    /// <summary>The virtual clock when the run ended: every tick was either a step or idle.</summary>
    public long EndTick { get; }

    /// <summary>Every step in order.</summary>
    public IReadOnlyList<ScheduleStep> Steps { get; }

    /// <summary>Every task's running, ready, sleeping and waiting periods, ordered by start.</summary>
    public IReadOnlyList<TaskPeriod> Periods { get; }

    /// <summary>The tasks in spawn order, with their final states.</summary>
    public IReadOnlyList<CoTask> Tasks { get; }

    /// <summary>Why nothing could run any more, when <see cref="Outcome"/> is <see cref="ScheduleOutcome.Stalled"/>; otherwise null.</summary>
    public string? StallReason { get; }

    /// <summary>Ticks in which no task ran because every unfinished task slept or waited.</summary>
    public long IdleTicks => EndTick - Steps.Count;

    /// <summary>The name of the task that ran at each step, in order.</summary>
    public IReadOnlyList<string> Order => Steps.Select(s => s.Task).ToArray();

    /// <summary>The run order as one line, e.g. "A B C A B C".</summary>
    public string OrderText => string.Join(' ', Order);

    /// <summary>
    /// The steps as <see cref="ActivitySpan"/>s (lane = task, one virtual tick drawn as one millisecond),
    /// for <see cref="Charts.Plot.Timeline(IEnumerable{ActivitySpan}, string, string)"/>.
    /// </summary>
    public IReadOnlyList<ActivitySpan> Spans =>
        Steps.Select(s => new ActivitySpan(s.Task, $"step {s.Index}: {s}", TimeSpan.FromMilliseconds(s.Tick), TimeSpan.FromMilliseconds(s.Tick + 1)))
            .ToArray();

    /// <summary>The task with this name.</summary>
    /// <param name="name">The task's name.</param>
    /// <returns>The task.</returns>
    /// <exception cref="ArgumentException">No task has that name.</exception>
    public CoTask Task(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Tasks.FirstOrDefault(t => t.Name == name)
            ?? throw new ArgumentException($"No task is named '{name}'. Tasks: {string.Join(", ", Tasks.Select(t => t.Name))}.", nameof(name));
    }

    /// <summary>The ticks at which the named task ran, in order.</summary>
    /// <param name="name">The task's name.</param>
    /// <returns>The ticks of its steps.</returns>
    public IReadOnlyList<long> RunTicks(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Steps.Where(s => s.Task == name).Select(s => s.Tick).ToArray();
    }

    /// <summary>E.g. "Completed: 4 tasks, 14 steps in 17 ticks (3 idle)".</summary>
    /// <returns>A one-line summary (plus the stall reason when stalled).</returns>
    public override string ToString()
    {
        string faults = Tasks.Count(t => t.State == CoTaskState.Faulted) is > 0 and var failed ? $", {failed} failed" : string.Empty;
        string stall = StallReason is null ? string.Empty : $". {StallReason}";
        return $"{Outcome}: {NumberText.Count(Tasks.Count)} tasks, {NumberText.Count(Steps.Count)} steps in {NumberText.Count(EndTick)} ticks ({NumberText.Count(IdleTicks)} idle){faults}{stall}";
    }
}
