namespace Workbook.Coroutines;

/// <summary>
/// A coroutine task run by a <see cref="CooperativeScheduler"/>: a name and an iterator of
/// <see cref="Instruction"/>s. Made by <see cref="CooperativeScheduler.Spawn(string, IEnumerable{Instruction})"/>;
/// pass it to <see cref="Instruction.WaitFor"/> to wait for it.
/// </summary>
/// <remarks>
/// Not thread-safe: a task belongs to one scheduler, which runs everything on the thread that
/// calls <see cref="CooperativeScheduler.Run"/>. Read its properties from that thread or after
/// the run.
/// </remarks>
public sealed class CoTask
{
    private IEnumerator<Instruction>? _body;

    internal CoTask(int id, string name, IEnumerator<Instruction>? body, CooperativeScheduler? owner)
    {
        Id = id;
        Name = name;
        _body = body;
        Owner = owner;
    }

    /// <summary>The task's number in spawn order, from 0.</summary>
    public int Id { get; }

    /// <summary>The task's name, unique within its scheduler.</summary>
    public string Name { get; }

    /// <summary>Where the task is in its life.</summary>
    public CoTaskState State { get; internal set; }

    /// <summary>How many steps (resumptions) the task has run.</summary>
    public int Steps { get; internal set; }

    /// <summary>The tick at which it finished (completed or faulted), or null while it has not.</summary>
    public long? FinishedAt { get; internal set; }

    /// <summary>What its iterator threw, when <see cref="State"/> is <see cref="CoTaskState.Faulted"/>.</summary>
    public Exception? Error { get; internal set; }

    /// <summary>True once the task has completed or faulted.</summary>
    public bool IsFinished => State is CoTaskState.Completed or CoTaskState.Faulted;

    /// <summary>The scheduler that owns the task (null only for tasks the exercise checks make).</summary>
    internal CooperativeScheduler? Owner { get; }

    /// <summary>When <see cref="State"/> is Sleeping: the first tick at which it may run again.</summary>
    internal long WakeAt { get; set; }

    /// <summary>When <see cref="State"/> is Waiting: the task it waits for.</summary>
    internal CoTask? WaitingFor { get; set; }

    /// <summary>Tasks waiting for this one, in the order they started waiting.</summary>
    internal List<CoTask> Waiters { get; } = [];

    /// <summary>The activity the task has been in since <see cref="ActivitySince"/> (for the timeline).</summary>
    internal TaskActivity? Activity { get; set; }

    /// <summary>When the current <see cref="Activity"/> began.</summary>
    internal long ActivitySince { get; set; }

    /// <summary>Creates a stand-alone task with no body, for the exercise checks that call a policy directly.</summary>
    internal static CoTask Detached(int id, string name) => new(id, name, null, null);

    /// <summary>Advances the iterator one step.</summary>
    internal bool Step(out Instruction? instruction)
    {
        if (_body is null || !_body.MoveNext())
        {
            instruction = null;
            return false;
        }

        instruction = _body.Current;
        return true;
    }

    /// <summary>Disposes the iterator once, which runs its pending <c>finally</c> blocks.</summary>
    internal void Release()
    {
        IEnumerator<Instruction>? body = _body;
        _body = null;
        body?.Dispose();
    }

    /// <summary>E.g. "kettle: Completed at tick 7 after 2 steps".</summary>
    /// <returns>The name, state and, when finished, when.</returns>
    public override string ToString()
    {
        string when = FinishedAt is { } at ? $" at tick {at}" : string.Empty;
        string error = Error is null ? string.Empty : $" ({Error.GetType().Name}: {Error.Message})";
        return $"{Name}: {State}{when} after {Steps} step{(Steps == 1 ? "" : "s")}{error}";
    }
}
