using System.Diagnostics;

namespace Workbook.Async;

/// <summary>
/// Queues many simulated requests on the thread pool at once, each waiting for 100 ms of fake I/O
/// either by blocking (sync over async) or by awaiting, while a dedicated thread samples the pool's
/// thread count, its queue length and the requests finished every 50 ms.
/// </summary>
/// <remarks>
/// <para>
/// The sampler is a dedicated thread, not a timer, because a starved pool would delay a timer's
/// callbacks along with everything else. It also enforces <see cref="StarvationOptions.GiveUpAfter"/>:
/// at that point it cancels every request still waiting, so the demo always ends and leaves no
/// blocked thread behind.
/// </para>
/// <para>
/// The demo changes no global setting, but it measures the process-wide pool: run one at a time,
/// with nothing else busy. Threads the pool added for a run stay alive (idle) for about 20 s
/// afterwards, so <see cref="StarvationRun.ThreadsAtStart"/> says what the next run started with.
/// Cancelling <c>cancellationToken</c> stops the run like the time limit does, then throws
/// <see cref="OperationCanceledException"/>.
/// </para>
/// </remarks>
public static class StarvationDemo
{
    /// <summary>
    /// A request count that keeps the blocking run to roughly 5-15 s: the pool adds threads without
    /// delay up to about twice the core count, then at most about 4 per second, and the blocking
    /// requests finish at a pace set by those threads.
    /// </summary>
    public static int SuggestedRequests => 80 + (4 * Environment.ProcessorCount);

    /// <summary>Queues <paramref name="requests"/> requests of <paramref name="style"/> at once and samples the pool until they finish.</summary>
    /// <param name="style">Block (sync over async) or await.</param>
    /// <param name="requests">How many requests (at least 1); <see cref="SuggestedRequests"/> is a good start.</param>
    /// <param name="options">I/O length, sampling interval and time limit; defaults when null.</param>
    /// <param name="cancellationToken">Stops the run early (checked by the sampler thread every interval).</param>
    /// <returns>The timing and the pool's samples.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument or option is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<StarvationRun> RunAsync(
        RequestStyle style, int requests, StarvationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        if (!Enum.IsDefined(style))
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown request style.");
        }

        options ??= new StarvationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Io, TimeSpan.Zero, "options.Io");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SampleEvery, TimeSpan.Zero, "options.SampleEvery");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.GiveUpAfter, TimeSpan.Zero, "options.GiveUpAfter");

        await SettleAsync(cancellationToken).ConfigureAwait(false);
        StarvationRun run = await new Run(style, requests, options, cancellationToken).ExecuteAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return run;
    }

    /// <summary>Waits (up to 2 s) until the pool's queue is empty, so a run does not inherit another's backlog.</summary>
    private static async Task SettleAsync(CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        while (ThreadPool.PendingWorkItemCount > 0 && Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The state of one run, shared by the request work items and the sampler thread.</summary>
    private sealed class Run(RequestStyle style, int requests, StarvationOptions options, CancellationToken cancellationToken)
    {
        // Not disposed: a request that starts after the run was abandoned may still read its token.
        private readonly CancellationTokenSource _stop = new();
        private readonly ManualResetEventSlim _allEnded = new(false);
        private readonly List<PoolSample> _samples = [];
        private readonly TaskCompletionSource<StarvationRun> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _start;
        private long _endedAt;
        private int _completed;
        private int _ended;

        public Task<StarvationRun> ExecuteAsync()
        {
            ThreadPool.GetMinThreads(out int minWorkers, out _);
            _start = Stopwatch.GetTimestamp();
            var sampler = new Thread(() => Sample(minWorkers)) { IsBackground = true, Name = "starvation demo sampler" };
            sampler.Start();
            for (int i = 0; i < requests; i++)
            {
                // PreferFairness puts every request in the pool's global queue, in order, as a
                // server's incoming requests would arrive, even when this code runs on a pool thread.
                if (style == RequestStyle.SyncOverAsync)
                {
                    Task.Factory.StartNew(BlockingRequest, CancellationToken.None, TaskCreationOptions.PreferFairness, TaskScheduler.Default);
                }
                else
                {
                    Task.Factory.StartNew(AsyncRequest, CancellationToken.None, TaskCreationOptions.PreferFairness, TaskScheduler.Default);
                }
            }

            return _result.Task;
        }

        private void BlockingRequest()
        {
            try
            {
                // Sync over async: the thread sits here for the whole I/O. The delay's own completion
                // needs a pool thread too (timers fire on the pool), so it queues behind the requests.
                Task.Delay(options.Io, _stop.Token).Wait(_stop.Token);
                Interlocked.Increment(ref _completed);
            }
            catch (OperationCanceledException)
            {
                // The run gave up; this request is abandoned.
            }
            finally
            {
                End();
            }
        }

        private async Task AsyncRequest()
        {
            try
            {
                await Task.Delay(options.Io, _stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _completed);
            }
            catch (OperationCanceledException)
            {
                // The run gave up; this request is abandoned.
            }
            finally
            {
                End();
            }
        }

        private void End()
        {
            if (Interlocked.Increment(ref _ended) == requests)
            {
                Volatile.Write(ref _endedAt, Stopwatch.GetTimestamp());
                _allEnded.Set();
            }
        }

        private void Sample(int minWorkers)
        {
            bool gaveUp = false;
            try
            {
                // After giving up, keep sampling a little while the cancelled requests drain.
                TimeSpan drainLimit = options.GiveUpAfter + TimeSpan.FromSeconds(10);
                while (true)
                {
                    TimeSpan at = Stopwatch.GetElapsedTime(_start);
                    _samples.Add(new PoolSample(at, ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, Volatile.Read(ref _completed)));
                    if (_allEnded.IsSet || at >= drainLimit)
                    {
                        break;
                    }

                    if (!gaveUp && (at >= options.GiveUpAfter || cancellationToken.IsCancellationRequested))
                    {
                        gaveUp = true;
                        _stop.Cancel();
                    }

                    _allEnded.Wait(options.SampleEvery);
                }

                long endedAt = Volatile.Read(ref _endedAt);
                TimeSpan elapsed = endedAt == 0 ? Stopwatch.GetElapsedTime(_start) : Stopwatch.GetElapsedTime(_start, endedAt);
                _result.TrySetResult(new StarvationRun(
                    style, requests, options.Io, minWorkers, Volatile.Read(ref _completed), elapsed, gaveUp, [.. _samples]));
            }
            catch (Exception error)
            {
                _result.TrySetException(error);
            }
        }
    }
}
