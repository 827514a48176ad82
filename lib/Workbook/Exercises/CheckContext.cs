using System.Collections.Concurrent;
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
