namespace Workbook.Coroutines;

/// <summary>
/// The library's scheduling policy: a first-in first-out ready queue (round-robin turns) and a
/// priority queue of sleeping tasks ordered by wake-up tick, then by the order they went to sleep.
/// </summary>
/// <remarks>Follows the contract of <see cref="ISchedulerPolicy"/>. Not thread-safe: one scheduler, one thread.</remarks>
public sealed class RoundRobinPolicy : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();
    private readonly PriorityQueue<CoTask, (long WakeAt, long Order)> _sleeping = new();
    private long _sleeps;

    /// <inheritdoc />
    public long? NextWakeUp => _sleeping.TryPeek(out _, out var key) ? key.WakeAt : null;

    /// <inheritdoc />
    public void Ready(CoTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _ready.Enqueue(task);
    }

    /// <inheritdoc />
    public void Sleep(CoTask task, long wakeAt)
    {
        ArgumentNullException.ThrowIfNull(task);

        // The running counter breaks ties: two tasks due at the same tick wake in the order they slept.
        _sleeping.Enqueue(task, (wakeAt, _sleeps++));
    }

    /// <inheritdoc />
    public CoTask? Next(long now)
    {
        while (_sleeping.TryPeek(out CoTask? sleeper, out var key) && key.WakeAt <= now)
        {
            _sleeping.Dequeue();
            _ready.Enqueue(sleeper);
        }

        return _ready.TryDequeue(out CoTask? next) ? next : null;
    }

    /// <summary>E.g. "round-robin: 2 ready, 1 sleeping".</summary>
    /// <returns>The queue sizes.</returns>
    public override string ToString() => $"round-robin: {_ready.Count} ready, {_sleeping.Count} sleeping";
}
