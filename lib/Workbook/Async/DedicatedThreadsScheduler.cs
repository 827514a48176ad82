using System.Collections.Concurrent;

namespace Workbook.Async;

/// <summary>
/// A <see cref="TaskScheduler"/> that runs tasks on a fixed, small number of dedicated threads and
/// never inlines: a stand-in for a server with a tiny thread pool, on which blocking shows at once.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: tasks may be queued from any thread. Work queued to it (including the
/// continuations of <c>await</c>s that started on it) runs only on its own threads, so if every one
/// of them blocks, nothing else queued to it can run.
/// </para>
/// <para>
/// Disposing stops accepting work: the threads finish what is queued and exit. Tasks queued after
/// disposal run on the thread pool instead, so late continuations neither vanish nor throw on the
/// thread that completed them. Disposal does not wait for threads stuck in blocking code; they are
/// background threads and never keep the process alive.
/// </para>
/// </remarks>
internal sealed class DedicatedThreadsScheduler : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static DedicatedThreadsScheduler? t_owner;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _threads;

    public DedicatedThreadsScheduler(int threads, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        _threads = threads;
        for (int i = 0; i < threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"{name} {i}" }.Start();
        }
    }

    /// <summary>True when the calling thread is one of this scheduler's threads.</summary>
    public bool OwnsCurrentThread => t_owner == this;

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => _threads;

    public void Dispose() => _queue.CompleteAdding();

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        try
        {
            if (!_queue.IsAddingCompleted)
            {
                _queue.Add(task);
                return;
            }
        }
        catch (InvalidOperationException)
        {
            // Disposed between the check and the add: fall through to the pool.
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Scheduler.TryExecuteTask(state.Task), (Scheduler: this, Task: task), preferLocal: false);
    }

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>

        // Never inline: a thread waiting for a task must not run it itself, or blocking would go unseen.
        false;

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        t_owner = this;
        foreach (Task task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
