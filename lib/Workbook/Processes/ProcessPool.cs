using System.Threading.Channels;

namespace Workbook.Processes;

/// <summary>
/// A fixed number of worker processes serving one queue of work items: the .NET counterpart of
/// Python's <c>multiprocessing.Pool</c>. A worker that dies is replaced, and the item it was
/// running is retried on another worker, so one bad item cannot take the pool down.
/// </summary>
/// <remarks>
/// <para><b>Thread-safety:</b> all members may be called from any thread; concurrent
/// <see cref="RunAsync"/> and <see cref="RunAllAsync"/> calls are expected. Items are started in
/// the order they were submitted, each on the first idle worker; when all are busy they wait
/// in an unbounded queue.</para>
/// <para><b>Crashes:</b> when a worker process dies while running an item, its slot starts a
/// replacement and the item is queued again, up to <see cref="ProcessPoolOptions.MaxRetries"/>
/// times, each time on a different process. After that the item's task fails with
/// <see cref="WorkerCrashedException"/>. An item that throws inside a healthy worker fails with
/// <see cref="WorkItemFailedException"/> and is not retried. If no replacement can be started at
/// all, waiting items fail with <see cref="InvalidOperationException"/>: nothing waits forever.</para>
/// <para><b>Cancellation:</b> the caller's task is cancelled at once. A queued item is then
/// skipped; a running item gets a cancel request and its worker stops it at the next check
/// (it is not killed). The worker takes new items only after it has confirmed.</para>
/// <para><b>Disposal:</b> <see cref="DisposeAsync"/> fails queued and running items with
/// <see cref="ObjectDisposedException"/>, closes every worker's stdin, waits up to
/// <see cref="ProcessPoolOptions.ShutdownGrace"/> for it to exit, then kills what is left.
/// No child process outlives it. Afterwards members that submit work throw
/// <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed partial class ProcessPool : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan LoopExitBound = TimeSpan.FromSeconds(10);

    private readonly ProcessPoolOptions _options;
    private readonly PoolSlot[] _slots;
    private readonly Channel<PoolJob> _queue = Channel.CreateUnbounded<PoolJob>();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private readonly List<ActivitySpan> _timeline = [];
    private readonly HashSet<int> _processIds = [];
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _origin;
    private Task[] _loops = [];
    private bool _disposing;
    private int _liveSlots;
    private int _restarts;
    private Exception? _lastStartError;

    private ProcessPool(int workers, ProcessPoolOptions options)
    {
        _options = options;
        _slots = new PoolSlot[workers];
        _origin = options.TimeProvider.GetTimestamp();
    }

    /// <summary>Raised for every log or stderr message of every worker (on background threads; keep handlers short).</summary>
    public event Action<WorkerLog>? LogReceived;

    /// <summary>The number of worker slots, fixed at start.</summary>
    public int WorkerCount => _slots.Length;

    /// <summary>How many slots have a started worker that has not exited.</summary>
    public int LiveWorkerCount => _slots.Count(slot => slot.Snapshot().IsAlive);

    /// <summary>How many dead workers have been replaced since the pool started.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>A snapshot of every slot: process id, liveness, current item, restarts.</summary>
    public IReadOnlyList<PoolWorkerInfo> Workers => [.. _slots.Select(slot => slot.Snapshot())];

    /// <summary>A copy of the activity timeline: one span per item run, in the order they ended, for charts.</summary>
    public IReadOnlyList<ActivitySpan> Timeline
    {
        get
        {
            lock (_gate)
            {
                return [.. _timeline];
            }
        }
    }

    /// <summary>Every worker process id this pool has started, replacements included: after disposal, none of them may still run.</summary>
    public IReadOnlyCollection<int> ProcessIdsEverStarted
    {
        get
        {
            lock (_gate)
            {
                return [.. _processIds];
            }
        }
    }

    private bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _disposing;
            }
        }
    }

    /// <summary>Starts <paramref name="workers"/> worker processes with default options and waits until all are ready.</summary>
    /// <param name="workers">How many processes, at least 1 (the machine's core count is a good start).</param>
    /// <param name="cancellationToken">Abandons the start; processes already started are killed.</param>
    /// <returns>The ready pool. Dispose it to end the processes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is 0 or negative.</exception>
    public static Task<ProcessPool> StartAsync(int workers, CancellationToken cancellationToken = default) =>
        StartAsync(workers, new ProcessPoolOptions(), cancellationToken);

    /// <summary>Starts <paramref name="workers"/> worker processes and waits until all are ready.</summary>
    /// <param name="workers">How many processes, at least 1.</param>
    /// <param name="options">Retry count, shutdown grace and clock.</param>
    /// <param name="cancellationToken">Abandons the start; processes already started are killed.</param>
    /// <returns>The ready pool. Dispose it to end the processes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is 0 or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static Task<ProcessPool> StartAsync(int workers, ProcessPoolOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentNullException.ThrowIfNull(options);
        return new ProcessPool(workers, options).StartCoreAsync(cancellationToken);
    }

    /// <summary>Queues one item and returns its result once a worker has run it.</summary>
    /// <param name="item">What to run.</param>
    /// <param name="cancellationToken">Cancels the caller's task at once (see the class remarks).</param>
    /// <returns>The result; the task fails with <see cref="WorkItemFailedException"/>, <see cref="WorkerCrashedException"/>
    /// or <see cref="ObjectDisposedException"/> as described in the class remarks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public Task<WorkResult> RunAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<WorkResult>(cancellationToken);
        }

        var job = new PoolJob(item, cancellationToken);
        if (!_queue.Writer.TryWrite(job))
        {
            job.TryFail(IsDisposed ? Disposed() : NoWorkersLeft());
        }

        return job.Task;
    }

    /// <summary>Runs every item, spread over the workers, and returns the results in input order.</summary>
    /// <param name="items">The items; none may be null.</param>
    /// <param name="cancellationToken">Cancels every item not yet finished.</param>
    /// <returns>One result per item, <c>results[i]</c> for <c>items[i]</c>. If any item fails, the task
    /// fails after all items have finished; awaiting it throws the first failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">An element of <paramref name="items"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public Task<IReadOnlyList<WorkResult>> RunAllAsync(IEnumerable<WorkItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        WorkItem[] list = [.. items];
        int missing = Array.IndexOf(list, null);
        if (missing >= 0)
        {
            throw new ArgumentException($"Work item at index {missing} is null; every item must be set.", nameof(items));
        }

        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Task<WorkResult>[] tasks = [.. list.Select(item => RunAsync(item, cancellationToken))];
        return InInputOrderAsync(tasks);
    }

    /// <summary>Waits until every slot's worker, including replacements already under way, is started.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the slots are ready (or could not be restarted).</returns>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Task[] current = [.. _slots.Select(slot => slot.Current)];
        return Task.WhenAll(current).WaitAsync(cancellationToken);
    }

    /// <summary>Empties the activity timeline, e.g. before a new experiment on the same pool.</summary>
    public void ClearTimeline()
    {
        lock (_gate)
        {
            _timeline.Clear();
        }
    }

    /// <summary>Fails unfinished items, closes every worker's stdin, waits briefly, then kills what is left.</summary>
    /// <returns>A task that completes when every worker process has exited. Calling it again returns the same task.</returns>
    public ValueTask DisposeAsync()
    {
        Task<WorkerProcess?>[] workers;
        lock (_gate)
        {
            if (_disposing)
            {
                return new ValueTask(_disposed.Task);
            }

            // Taken under the lock that guards replacements: every worker ever started is
            // either in this snapshot or was started by a replacement that saw _disposing.
            _disposing = true;
            workers = [.. _slots.Select(slot => slot.Current)];
        }

        return new ValueTask(DisposeCoreAsync(workers));
    }

    private void Record(ActivitySpan span)
    {
        lock (_gate)
        {
            _timeline.Add(span);
        }
    }

    private TimeSpan Now() => _options.TimeProvider.GetElapsedTime(_origin);

    private ObjectDisposedException Disposed() =>
        new(nameof(ProcessPool), "The process pool was disposed before this work item finished.");

    private InvalidOperationException NoWorkersLeft() => new(
        "Every worker process died and none could be restarted, so no work can run. Last start error: "
        + (Volatile.Read(ref _lastStartError)?.Message ?? "none recorded."));

    private static async Task<IReadOnlyList<WorkResult>> InInputOrderAsync(Task<WorkResult>[] tasks) =>
        await Task.WhenAll(tasks).ConfigureAwait(false);
}
