using Workbook.Coroutines;

namespace Workbook.Tests.Coroutines.Fixtures;

// Exercise 04.2 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
public sealed class SleepAwarePolicyStub : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();   // tasks that may run, in turn order (done for you)

    public void Ready(CoTask task) => _ready.Enqueue(task);

    public void Sleep(CoTask task, long wakeAt) =>
        throw new NotImplementedException(); // TODO: keep the task away from _ready until tick wakeAt

    public long? NextWakeUp => throw new NotImplementedException(); // TODO: the earliest wakeAt, or null

    public CoTask? Next(long now) =>
        throw new NotImplementedException(); // TODO: wake the due sleepers, then take _ready's front task
}

// Wrong answer: sleepers go into a list nobody ever looks at again.
public sealed class NeverWakesPolicy : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();
    private readonly List<CoTask> _sleeping = [];

    public long? NextWakeUp => null;

    public void Ready(CoTask task) => _ready.Enqueue(task);

    public void Sleep(CoTask task, long wakeAt) => _sleeping.Add(task);

    public CoTask? Next(long now) => _ready.TryDequeue(out CoTask? next) ? next : null;
}

// Wrong answer: off by one: "due" taken as wakeAt <= now + 1, so sleepers wake a tick early.
public sealed class EarlyByOnePolicy : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();
    private readonly PriorityQueue<CoTask, (long, long)> _sleeping = new();
    private long _order;

    public long? NextWakeUp => _sleeping.TryPeek(out _, out var key) ? key.Item1 : null;

    public void Ready(CoTask task) => _ready.Enqueue(task);

    public void Sleep(CoTask task, long wakeAt) => _sleeping.Enqueue(task, (wakeAt, _order++));

    public CoTask? Next(long now)
    {
        while (_sleeping.TryPeek(out CoTask? task, out var key) && key.Item1 <= now + 1)
        {
            _sleeping.Dequeue();
            _ready.Enqueue(task);
        }

        return _ready.TryDequeue(out CoTask? next) ? next : null;
    }
}

// Wrong answer: off by one the other way: wakeAt < now, so sleepers wake a tick late.
public sealed class LateByOnePolicy : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();
    private readonly PriorityQueue<CoTask, (long, long)> _sleeping = new();
    private long _order;

    public long? NextWakeUp => _sleeping.TryPeek(out _, out var key) ? key.Item1 : null;

    public void Ready(CoTask task) => _ready.Enqueue(task);

    public void Sleep(CoTask task, long wakeAt) => _sleeping.Enqueue(task, (wakeAt, _order++));

    public CoTask? Next(long now)
    {
        while (_sleeping.TryPeek(out CoTask? task, out var key) && key.Item1 < now)
        {
            _sleeping.Dequeue();
            _ready.Enqueue(task);
        }

        return _ready.TryDequeue(out CoTask? next) ? next : null;
    }
}

// Wrong answer: the sleeper is put back at the FRONT of the ready queue and "busy-waits" there:
// while it is not due, Next returns nothing, so every task behind it starves.
public sealed class FrontRequeuePolicy : ISchedulerPolicy
{
    private readonly LinkedList<(CoTask Task, long WakeAt)> _queue = new();

    public long? NextWakeUp => _queue.Count > 0 && _queue.First!.Value.WakeAt > 0 ? _queue.First.Value.WakeAt : null;

    public void Ready(CoTask task) => _queue.AddLast((task, 0));

    public void Sleep(CoTask task, long wakeAt) => _queue.AddFirst((task, wakeAt));

    public CoTask? Next(long now)
    {
        if (_queue.Count == 0 || _queue.First!.Value.WakeAt > now)
        {
            return null;
        }

        CoTask next = _queue.First.Value.Task;
        _queue.RemoveFirst();
        return next;
    }
}

// Wrong answer: sleepers in a plain FIFO queue, so a short sleep waits behind a longer, earlier one.
public sealed class FifoSleepersPolicy : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();
    private readonly Queue<(CoTask Task, long WakeAt)> _sleeping = new();

    public long? NextWakeUp => _sleeping.TryPeek(out var first) ? first.WakeAt : null;

    public void Ready(CoTask task) => _ready.Enqueue(task);

    public void Sleep(CoTask task, long wakeAt) => _sleeping.Enqueue((task, wakeAt));

    public CoTask? Next(long now)
    {
        while (_sleeping.TryPeek(out var first) && first.WakeAt <= now)
        {
            _sleeping.Dequeue();
            _ready.Enqueue(first.Task);
        }

        return _ready.TryDequeue(out CoTask? next) ? next : null;
    }
}

// Wrong answer: woken tasks jump the queue (they go in front of tasks that were already ready).
public sealed class WokenJumpTheQueuePolicy : ISchedulerPolicy
{
    private readonly LinkedList<CoTask> _ready = new();
    private readonly PriorityQueue<CoTask, (long, long)> _sleeping = new();
    private long _order;

    public long? NextWakeUp => _sleeping.TryPeek(out _, out var key) ? key.Item1 : null;

    public void Ready(CoTask task) => _ready.AddLast(task);

    public void Sleep(CoTask task, long wakeAt) => _sleeping.Enqueue(task, (wakeAt, _order++));

    public CoTask? Next(long now)
    {
        var woken = new List<CoTask>();
        while (_sleeping.TryPeek(out CoTask? task, out var key) && key.Item1 <= now)
        {
            woken.Add(_sleeping.Dequeue());
        }

        for (int i = woken.Count - 1; i >= 0; i--)
        {
            _ready.AddFirst(woken[i]);
        }

        if (_ready.Count == 0)
        {
            return null;
        }

        CoTask next = _ready.First!.Value;
        _ready.RemoveFirst();
        return next;
    }
}
