namespace Workbook.Coroutines;

/// <summary>What a task was doing during a <see cref="TaskPeriod"/> (the colours of the schedule timeline).</summary>
public enum TaskActivity
{
    /// <summary>It ran a step.</summary>
    Running,

    /// <summary>It could have run but waited for its turn in the ready queue.</summary>
    Ready,

    /// <summary>It slept (<see cref="Instruction.Sleep"/>).</summary>
    Sleeping,

    /// <summary>It waited for another task to finish (<see cref="Instruction.WaitFor"/>).</summary>
    Waiting,
}

/// <summary>One stretch of virtual time during which a task did one thing.</summary>
/// <param name="Task">The task's name.</param>
/// <param name="Activity">What it did.</param>
/// <param name="Start">The first tick of the stretch.</param>
/// <param name="End">The tick just after it (the stretch covers Start ≤ t &lt; End).</param>
public sealed record TaskPeriod(string Task, TaskActivity Activity, long Start, long End)
{
    /// <summary>How many ticks the stretch lasted.</summary>
    public long Ticks => End - Start;

    /// <summary>E.g. "kettle Sleeping 1→7".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Task} {Activity} {Start}→{End}";
}
