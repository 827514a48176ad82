using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Workbook.Exercises;

/// <summary>
/// What a check gets besides the learner's answer: the cancellation token of its time limit,
/// a recommended thread count, deterministic random streams, a way to fail with a message,
/// and helpers that run code on many start-gated background threads.
/// </summary>
/// <remarks>
/// One context belongs to one check run. <see cref="Fail"/> and <see cref="Require"/> may be
/// called from any thread; the thread helpers must be called from the check's own thread.
/// When the time limit passes, <see cref="CancellationToken"/> is cancelled and the helpers
/// throw <see cref="OperationCanceledException"/>; threads still running learner code are
/// abandoned (they are background threads, so they never keep the process alive).
/// </remarks>
public sealed class CheckContext
{
    internal CheckContext(CancellationToken cancellationToken, TimeSpan timeout, int seed)
    {
        CancellationToken = cancellationToken;
        Timeout = timeout;
        Seed = seed;
    }

    /// <summary>Cancelled when the check's time limit passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The check's whole time limit.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// Threads to use when hunting races: twice the core count, at least 4, so threads
    /// really interleave even on a 2-core machine.
    /// </summary>
    public int ThreadCount { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>The base seed; the same seed gives the same data on every run.</summary>
    public int Seed { get; }

    /// <summary>A deterministic random stream; different <paramref name="stream"/> values give independent streams.</summary>
    /// <param name="stream">Which stream (e.g. the thread index or the case number).</param>
    /// <returns>A new seeded <see cref="Random"/>, to be used by one thread.</returns>
    public Random CreateRandom(int stream = 0) => new(unchecked((Seed * 7919) + stream));

    /// <summary>Ends the check as FAILED with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong, specifically (numbers, which element, which account).</param>
    [DoesNotReturn]
    public void Fail(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        throw new ExerciseFailedException(message);
    }

    /// <summary>Ends the check as FAILED with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The property that must hold.</param>
    /// <param name="message">The failure message when it does not.</param>
    public void Require([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            Fail(message);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="count"/> new background threads that
    /// wait at a start gate so they all begin together, and waits until they finish.
    /// </summary>
    /// <param name="count">How many threads.</param>
    /// <param name="body">The work; receives the thread index 0..count-1.</param>
    /// <exception cref="AggregateException">A thread threw; holds what the threads threw so far.</exception>
    /// <exception cref="OperationCanceledException">The check's time limit passed.</exception>
    public void RunThreads(int count, Action<int> body) =>
        TryRunThreads(count, body, System.Threading.Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Calls <paramref name="operation"/> over and over on <paramref name="count"/> start-gated
    /// background threads for about <paramref name="duration"/>, and reports exactly how many
    /// calls each thread completed and how many of them overlapped with another thread's.
    /// </summary>
    /// <remarks>
    /// Running for a duration rather than a fixed number of calls is what makes races show on a
    /// busy 2-core machine: a fixed small loop can finish within one scheduler time slice, before
    /// any other thread runs, and a race needs two threads truly running at the same time.
    /// <see cref="ConcurrentRun.OverlappedCalls"/> measures how much of that really happened, so
    /// a check can keep going until it has seen enough before it declares an answer race-free.
    /// </remarks>
    /// <param name="count">How many threads (at least 2).</param>
    /// <param name="duration">How long each thread keeps calling.</param>
    /// <param name="operation">The call to repeat; receives the thread index.</param>
    /// <returns>The calls per thread and the overlap observed.</returns>
    /// <exception cref="AggregateException">A call threw.</exception>
    /// <exception cref="OperationCanceledException">The check's time limit passed.</exception>
    public ConcurrentRun RunThreadsFor(int count, TimeSpan duration, Action<int> operation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(operation);
        const int Batch = 64;

        // One published progress counter per thread, 16 longs apart so that threads do not
        // share a cache line (which would slow them and distort the overlap measurement).
        const int Stride = 16;
        var progress = new long[count * Stride];
        var calls = new long[count];
        var overlapped = new long[count];
        long span = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        CancellationToken token = CancellationToken;
        RunThreads(count, index =>
        {
            long end = Stopwatch.GetTimestamp() + span;
            long done = 0, together = 0;
            do
            {
                long othersBefore = OthersProgress(progress, index, count, Stride);
                for (int i = 0; i < Batch; i++)
                {
                    operation(index);
                }

                done += Batch;
                Volatile.Write(ref progress[index * Stride], done);

                // Another thread advanced during this microsecond-long batch: the two really ran at the same time.
                if (OthersProgress(progress, index, count, Stride) != othersBefore)
                {
                    together += Batch;
                }
            }
            while (Stopwatch.GetTimestamp() < end && !token.IsCancellationRequested);
            calls[index] = done;
            overlapped[index] = together;
        });
        return new ConcurrentRun(calls, overlapped.Sum());
    }

    private static long OthersProgress(long[] progress, int self, int count, int stride)
    {
        long sum = 0;
        for (int t = 0; t < count; t++)
        {
            if (t != self)
            {
                sum += Volatile.Read(ref progress[t * stride]);
            }
        }

        return sum;
    }

    /// <summary>
    /// Like <see cref="RunThreads"/>, but gives up after <paramref name="within"/> and returns
    /// false, so a check can report a specific cause (for example a deadlock) instead of the
    /// generic time-out. Threads still running are abandoned.
    /// </summary>
    /// <param name="count">How many threads.</param>
    /// <param name="body">The work; receives the thread index 0..count-1.</param>
    /// <param name="within">How long to wait, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</param>
    /// <returns>True when every thread finished; false when some had not after <paramref name="within"/>.</returns>
    /// <exception cref="AggregateException">A thread threw (reported as soon as the first one does).</exception>
    /// <exception cref="OperationCanceledException">The check's time limit passed.</exception>
    public bool TryRunThreads(int count, Action<int> body, TimeSpan within)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(body);
        if (within <= TimeSpan.Zero && within != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, "The wait must be positive or infinite.");
        }

        CancellationToken.ThrowIfCancellationRequested();
        var errors = new ConcurrentQueue<Exception>();

        // These are deliberately not disposed: abandoned threads may still signal them later,
        // and a disposed event would throw on such a thread and crash the process.
        var finished = new CountdownEvent(count);
        var faulted = new ManualResetEventSlim(false);
        var startGate = new Barrier(count);
        CancellationToken token = CancellationToken;

        for (int i = 0; i < count; i++)
        {
            int index = i;
            var thread = new Thread(() =>
            {
                try
                {
                    // The gate makes every thread start its work at the same moment: races
                    // need overlap, and thread start-up is slow enough to serialise them otherwise.
                    startGate.SignalAndWait(token);
                    body(index);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // The check already gave up; nobody is waiting for this thread.
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                    faulted.Set();
                }
                finally
                {
                    finished.Signal();
                }
            })
            {
                IsBackground = true,
                Name = $"exercise check worker {index}",
            };
            thread.Start();
        }

        int signalled = WaitHandle.WaitAny([finished.WaitHandle, faulted.WaitHandle, token.WaitHandle], within);
        if (!errors.IsEmpty)
        {
            throw new AggregateException(errors.ToArray());
        }

        token.ThrowIfCancellationRequested();
        return signalled != WaitHandle.WaitTimeout;
    }
}
