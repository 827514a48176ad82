namespace Workbook.Coroutines;

/// <summary>
/// Decides which task a <see cref="CooperativeScheduler"/> runs next: it keeps the queue of
/// ready tasks and the tasks that sleep until a later tick. <see cref="RoundRobinPolicy"/> is
/// the library's; exercise 04.2 asks you to write one.
/// </summary>
/// <remarks>
/// <para>The contract the scheduler relies on:</para>
/// <list type="bullet">
/// <item><see cref="Ready"/>: the task may run; it joins the back of the ready queue.</item>
/// <item><see cref="Sleep"/>: the task must not run before tick <c>wakeAt</c>; until then it is not in the ready queue.</item>
/// <item><see cref="Next"/>: first every sleeping task whose <c>wakeAt &lt;= now</c> joins the back of the ready
/// queue (earliest <c>wakeAt</c> first; equal ones in the order they went to sleep); then the front task is
/// removed and returned, or null when the queue is empty.</item>
/// <item><see cref="NextWakeUp"/>: the earliest <c>wakeAt</c> among sleeping tasks, or null when none sleeps;
/// the scheduler jumps its clock there when nothing is ready.</item>
/// </list>
/// <para>A policy is used by one scheduler on one thread; it needs no locking.</para>
/// </remarks>
public interface ISchedulerPolicy
{
    /// <summary>The task may run: add it to the back of the ready queue.</summary>
    /// <param name="task">The task.</param>
    void Ready(CoTask task);

    /// <summary>The task sleeps: it must not be returned by <see cref="Next"/> before tick <paramref name="wakeAt"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="wakeAt">The first tick at which it may run again.</param>
    void Sleep(CoTask task, long wakeAt);

    /// <summary>Wakes the sleepers that are due at <paramref name="now"/>, then removes and returns the task to run, or null.</summary>
    /// <param name="now">The current tick.</param>
    /// <returns>The task to run at <paramref name="now"/>, or null when no task may run now.</returns>
    CoTask? Next(long now);

    /// <summary>The earliest tick at which a sleeping task wakes, or null when no task sleeps.</summary>
    long? NextWakeUp { get; }
}
