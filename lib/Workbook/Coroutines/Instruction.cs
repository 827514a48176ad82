namespace Workbook.Coroutines;

/// <summary>
/// What a coroutine task hands to the <see cref="CooperativeScheduler"/> each time it gives up
/// control with <c>yield return</c>: <see cref="Yield"/> (let the others have a turn),
/// <see cref="Sleep"/> (do not run me for a while, in virtual ticks) or <see cref="WaitFor"/>
/// (do not run me until another task has finished).
/// </summary>
/// <remarks>
/// This is the generator-based style Python used before <c>async</c>/<c>await</c>: a task is an
/// iterator, and every <c>yield return</c> is a request to the scheduler. Instructions are
/// immutable records, safe to share and to reuse.
/// </remarks>
public abstract record Instruction
{
    private protected Instruction()
    {
    }

    /// <summary>Give up the turn: the task goes to the back of the ready queue and runs again after the others.</summary>
    public static Instruction Yield { get; } = new YieldInstruction();

    /// <summary>Do not run this task for <paramref name="ticks"/> ticks of virtual time.</summary>
    /// <param name="ticks">
    /// How long to sleep, 0 or more. A task that yields this during the step at tick t may run again
    /// at tick t + 1 + <paramref name="ticks"/> at the earliest (the step itself occupies tick t).
    /// <c>Sleep(0)</c> behaves like <see cref="Yield"/>.
    /// </param>
    /// <returns>The instruction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ticks"/> is negative.</exception>
    public static Instruction Sleep(long ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        return new SleepInstruction(ticks);
    }

    /// <summary>Do not run this task until <paramref name="task"/> has finished (completed or failed).</summary>
    /// <param name="task">The task to wait for; it must belong to the same scheduler.</param>
    /// <returns>The instruction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    public static Instruction WaitFor(CoTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new WaitForInstruction(task);
    }
}

/// <summary>The instruction behind <see cref="Instruction.Yield"/>: give up the turn.</summary>
public sealed record YieldInstruction : Instruction
{
    internal YieldInstruction()
    {
    }

    /// <summary>"yield".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "yield";
}

/// <summary>The instruction behind <see cref="Instruction.Sleep"/>: stay away for some ticks.</summary>
public sealed record SleepInstruction : Instruction
{
    internal SleepInstruction(long ticks) => Ticks = ticks;

    /// <summary>How many ticks of virtual time to sleep (0 or more).</summary>
    public long Ticks { get; }

    /// <summary>E.g. "sleep 3".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"sleep {Ticks}";
}

/// <summary>The instruction behind <see cref="Instruction.WaitFor"/>: wait until another task has finished.</summary>
public sealed record WaitForInstruction : Instruction
{
    internal WaitForInstruction(CoTask task) => Task = task;

    /// <summary>The task to wait for.</summary>
    public CoTask Task { get; }

    /// <summary>E.g. "wait for kettle".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"wait for {Task.Name}";
}
