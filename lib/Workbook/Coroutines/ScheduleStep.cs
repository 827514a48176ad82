namespace Workbook.Coroutines;

/// <summary>One step of a scheduler run: which task ran at which tick, and how its step ended.</summary>
/// <param name="Index">The step number, from 0.</param>
/// <param name="Tick">The virtual tick the step occupied (a step lasts one tick).</param>
/// <param name="Task">The name of the task that ran.</param>
/// <param name="Yielded">The instruction it yielded, or null when the step ended the task.</param>
/// <param name="After">The task's state after the step (Completed or Faulted when it ended).</param>
public sealed record ScheduleStep(int Index, long Tick, string Task, Instruction? Yielded, CoTaskState After)
{
    /// <summary>E.g. "tick 4: kettle → sleep 6".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string outcome = After switch
        {
            CoTaskState.Completed => "done",
            CoTaskState.Faulted => "failed",
            _ => Yielded?.ToString() ?? After.ToString(),
        };
        return $"tick {Tick}: {Task} → {outcome}";
    }
}
