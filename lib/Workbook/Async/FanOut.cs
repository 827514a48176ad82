using System.Diagnostics;

namespace Workbook.Async;

/// <summary>
/// Keeps many waits pending at once, either as awaiting tasks or as blocked OS threads, and measures
/// the wall time and the memory each pending wait costs.
/// </summary>
/// <remarks>
/// <para>
/// Both kinds create every operation parked at a start line and then release them together.
/// Threads are sampled while all of them are parked (a parked thread holds the same stack and kernel
/// object as a sleeping one): creating a thread takes tens of microseconds to milliseconds, so
/// without the start line the first threads would finish before the last ones existed. Tasks are
/// sampled once every one of them has created its <c>Task.Delay</c>, so the timers are counted too.
/// <see cref="FanOutResult.Setup"/> is the time to create (for threads: and park) every operation.
/// </para>
/// <para>
/// The methods keep no shared state, but they measure the whole process, so run one at a time and
/// keep other work quiet meanwhile. Cancelling the token stops the waits early
/// (<see cref="OperationCanceledException"/>); threads that were already created still end on their own
/// within one wait, and none outlives the call by more than that.
/// </para>
/// </remarks>
public static class FanOut
{
    /// <summary>
    /// The most OS threads <see cref="Threads"/> will start. Each thread reserves megabytes of address
    /// space for its stack and costs a kernel object and a scheduler entry; a few thousand are fine,
    /// a hundred thousand would exhaust the operating system's per-process limits.
    /// </summary>
    public const int MaxThreads = 2_000;

    /// <summary>The wait each operation performs unless told otherwise: 100 ms, like a quick network call.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs <paramref name="operations"/> async operations that each <c>await Task.Delay(wait)</c>,
    /// joined with <c>Task.WhenAll</c>.
    /// </summary>
    /// <param name="operations">How many waits to keep pending at once (at least 1).</param>
    /// <param name="wait">The length of each wait; <see cref="DefaultWait"/> when null.</param>
    /// <param name="cancellationToken">Stops the waits early.</param>
    /// <returns>Timing and memory of the fan-out.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operations"/> or <paramref name="wait"/> is not positive.</exception>
    public static async Task<FanOutResult> TasksAsync(int operations, TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        TimeSpan each = Validate(operations, wait);

        // A small unmeasured round first, so JIT compilation is not charged to the measured one.
        await RunTasksAsync(Math.Min(operations, 16), TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        return await RunTasksAsync(operations, each, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts <paramref name="operations"/> OS threads that each call <c>Thread.Sleep(wait)</c>, and joins them.
    /// </summary>
    /// <param name="operations">How many threads (1 to <see cref="MaxThreads"/>).</param>
    /// <param name="wait">The length of each sleep; <see cref="DefaultWait"/> when null.</param>
    /// <param name="cancellationToken">Stops waiting at the start line (threads already sleeping finish their sleep).</param>
    /// <returns>Timing and memory of the fan-out.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="operations"/> is not positive or above <see cref="MaxThreads"/>, or <paramref name="wait"/> is not positive.
    /// </exception>
    public static FanOutResult Threads(int operations, TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        TimeSpan each = Validate(operations, wait);
        if (operations > MaxThreads)
        {
            throw new ArgumentOutOfRangeException(
                nameof(operations),
                operations,
                $"{operations:N0} OS threads is more than this demo will start (at most {MaxThreads:N0}): every thread reserves megabytes "
                    + "of stack address space and a kernel thread, and the operating system caps threads per process. Use FanOut.TasksAsync for more waits.");
        }

        RunThreads(Math.Min(operations, 16), TimeSpan.FromMilliseconds(1), cancellationToken);
        return RunThreads(operations, each, cancellationToken);
    }

    /// <summary>Runs either kind; <see cref="FanOutKind.Threads"/> runs on the calling thread.</summary>
    /// <param name="kind">Tasks or threads.</param>
    /// <param name="operations">How many waits.</param>
    /// <param name="wait">The length of each wait; <see cref="DefaultWait"/> when null.</param>
    /// <param name="cancellationToken">Stops the waits early.</param>
    /// <returns>Timing and memory of the fan-out.</returns>
    public static Task<FanOutResult> RunAsync(FanOutKind kind, int operations, TimeSpan? wait = null, CancellationToken cancellationToken = default) =>
        kind switch
        {
            FanOutKind.Tasks => TasksAsync(operations, wait, cancellationToken),
            FanOutKind.Threads => Task.FromResult(Threads(operations, wait, cancellationToken)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fan-out kind."),
        };

    private static TimeSpan Validate(int operations, TimeSpan? wait)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operations);
        TimeSpan each = wait ?? DefaultWait;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(each, TimeSpan.Zero, nameof(wait));
        return each;
    }

    private static async Task<FanOutResult> RunTasksAsync(int operations, TimeSpan wait, CancellationToken cancellationToken)
    {
        ProcessMemory before = ProcessMemory.Take(collectFirst: true);
        // Without RunContinuationsAsynchronously: releasing the start line runs every operation's
        // next step right there, on this thread, instead of queuing N work items to the pool.
        var go = new TaskCompletionSource();
        var allArmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int armed = 0, done = 0;

        async Task Operation()
        {
            await go.Task.ConfigureAwait(false);
            Task delay = Task.Delay(wait, cancellationToken);
            if (Interlocked.Increment(ref armed) == operations)
            {
                allArmed.TrySetResult();
            }

            await delay.ConfigureAwait(false);
            Interlocked.Increment(ref done);
        }

        long started = Stopwatch.GetTimestamp();
        var tasks = new Task[operations];
        for (int i = 0; i < operations; i++)
        {
            tasks[i] = Operation();
        }

        TimeSpan setup = Stopwatch.GetElapsedTime(started);
        go.SetResult();
        Task all = Task.WhenAll(tasks);

        // If something fails before every operation is armed, sample anyway rather than wait forever.
        await Task.WhenAny(allArmed.Task, all).ConfigureAwait(false);
        int pending = operations - Volatile.Read(ref done);
        ProcessMemory sample = ProcessMemory.Take();
        await all.ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        return Result(FanOutKind.Tasks, operations, wait, setup, elapsed, pending, before, sample);
    }

    private static FanOutResult RunThreads(int operations, TimeSpan wait, CancellationToken cancellationToken)
    {
        ProcessMemory before = ProcessMemory.Take(collectFirst: true);

        // Not disposed: a thread released by cancellation may still touch them after we return.
        var go = new ManualResetEventSlim(false);
        var allArmed = new ManualResetEventSlim(false);
        var finished = new CountdownEvent(operations);
        int armed = 0, done = 0;

        void Operation()
        {
            try
            {
                // A parked thread holds exactly what a sleeping one does (its stack and kernel
                // object), so memory is sampled while all of them are parked: none has finished yet.
                if (Interlocked.Increment(ref armed) == operations)
                {
                    allArmed.Set();
                }

                go.Wait(cancellationToken);
                Thread.Sleep(wait);
                Interlocked.Increment(ref done);
            }
            catch (OperationCanceledException)
            {
                // Cancelled at the start line: nothing to undo.
            }
            finally
            {
                finished.Signal();
            }
        }

        long started = Stopwatch.GetTimestamp();
        int created = 0;
        try
        {
            for (; created < operations; created++)
            {
                new Thread(Operation) { IsBackground = true, Name = $"fan-out {created}" }.Start();
            }
        }
        catch
        {
            // Could not create them all (an OS limit): release the ones that exist; they end after one wait.
            finished.Signal(operations - created);
            go.Set();
            throw;
        }

        WaitHandle.WaitAny([allArmed.WaitHandle, finished.WaitHandle, cancellationToken.WaitHandle]);
        TimeSpan setup = Stopwatch.GetElapsedTime(started);
        int pending = operations - Volatile.Read(ref done);
        ProcessMemory sample = ProcessMemory.Take();
        go.Set();
        finished.Wait(cancellationToken);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        return Result(FanOutKind.Threads, operations, wait, setup, elapsed, pending, before, sample);
    }

    private static FanOutResult Result(
        FanOutKind kind, int operations, TimeSpan wait, TimeSpan setup, TimeSpan elapsed, int pending, ProcessMemory before, ProcessMemory sample) =>
        new(kind, operations, wait, setup, elapsed, pending,
            sample.AllocatedBytes - before.AllocatedBytes,
            sample.HeapBytes - before.HeapBytes,
            sample.WorkingSetBytes - before.WorkingSetBytes,
            sample.VirtualBytes - before.VirtualBytes,
            sample.Threads);
}
