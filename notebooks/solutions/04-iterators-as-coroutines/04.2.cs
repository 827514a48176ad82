// Exercise 04.2: Wake sleeping tasks on time
using System.Collections.Generic;
using Workbook.Coroutines;

// Reference solution: a FIFO ready queue plus a priority queue of sleepers keyed by
// (wake-up tick, order of going to sleep); Next moves due sleepers to the back of the queue first.
public sealed class SleepAwarePolicy : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();
    private readonly PriorityQueue<CoTask, (long WakeAt, long Order)> _sleepers = new();
    private long _order;

    public void Ready(CoTask task) => _ready.Enqueue(task);

    public void Sleep(CoTask task, long wakeAt) => _sleepers.Enqueue(task, (wakeAt, _order++));

    public long? NextWakeUp => _sleepers.TryPeek(out _, out var key) ? key.WakeAt : null;

    public CoTask? Next(long now)
    {
        // Due means wakeAt <= now: a task asked to wake at tick 5 may run at tick 5.
        while (_sleepers.TryPeek(out CoTask? sleeper, out var key) && key.WakeAt <= now)
        {
            _sleepers.Dequeue();
            _ready.Enqueue(sleeper);
        }

        return _ready.TryDequeue(out CoTask? next) ? next : null;
    }
}
