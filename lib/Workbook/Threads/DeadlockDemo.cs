using System.Collections.Concurrent;
using System.Globalization;

namespace Workbook.Threads;

/// <summary>
/// Two threads, two locks. With opposite lock order they deadlock, and the demo detects it with
/// <see cref="Monitor.TryEnter(object, TimeSpan)"/> instead of hanging; with a consistent order
/// both complete.
/// </summary>
/// <remarks>
/// <para>
/// To make the deadlock certain rather than lucky, each thread waits after taking its first lock
/// until the other thread holds its own first lock (or is blocked trying to take it). With
/// opposite order both then hold one lock and want the other's: a cycle. With consistent order the
/// second thread is blocked on lock 1, so the first one goes on and finishes.
/// </para>
/// <para>
/// Never hangs: a thread waits at most <c>giveUpAfter</c> for its second lock, then releases its
/// first and reports. Thread-safe: each call uses its own locks and threads.
/// </para>
/// </remarks>
public static class DeadlockDemo
{
    /// <summary>Runs the two threads and reports what happened.</summary>
    /// <param name="order">Opposite (deadlocks) or consistent (completes) lock order.</param>
    /// <param name="giveUpAfter">How long a thread waits for its second lock before declaring a deadlock; 1 s by default.</param>
    /// <param name="timeProvider">The clock for the timeline; the system clock by default.</param>
    /// <returns>The verdict and the timeline.</returns>
    public static DeadlockReport Run(LockOrder order, TimeSpan? giveUpAfter = null, TimeProvider? timeProvider = null)
    {
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown lock order.");
        }

        TimeSpan giveUp = giveUpAfter ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(giveUp, TimeSpan.Zero, nameof(giveUpAfter));
        TimeProvider time = timeProvider ?? TimeProvider.System;

        var lockOne = new NamedLock("lock 1");
        var lockTwo = new NamedLock("lock 2");
        var timeline = new ConcurrentQueue<string>();
        var rendezvous = new HoldAndWaitRendezvous(2, giveUp);
        int gaveUp = 0, finished = 0;
        long started = time.GetTimestamp();

        void Log(string who, string what) => timeline.Enqueue(
            string.Create(CultureInfo.InvariantCulture, $"+{time.GetElapsedTime(started).TotalSeconds:0.000} s  {who}: {what}"));

        void Worker(int slot, string who, NamedLock first, NamedLock second)
        {
            rendezvous.Join(slot);
            Log(who, $"wants {first}");
            rendezvous.AboutToLock(slot);
            Monitor.Enter(first);
            try
            {
                Log(who, $"holds {first}");
                rendezvous.HoldingFirst(slot, CancellationToken.None);
                Log(who, $"wants {second}");

                // TryEnter with a limit is how the demo notices the deadlock instead of hanging in it.
                if (Monitor.TryEnter(second, giveUp))
                {
                    try
                    {
                        Log(who, $"holds {first} and {second}: work done");
                        Interlocked.Increment(ref finished);
                    }
                    finally
                    {
                        Monitor.Exit(second);
                    }
                }
                else
                {
                    Log(who, $"gave up after waiting {Workbook.Exercises.ExerciseText.Duration(giveUp)} for {second}: the other thread holds it and waits for {first}. DEADLOCK");
                    Interlocked.Increment(ref gaveUp);
                }
            }
            finally
            {
                Monitor.Exit(first);
                Log(who, $"released {first}");
                rendezvous.Leave(slot);
            }
        }

        NamedLock bFirst = order == LockOrder.Opposite ? lockTwo : lockOne;
        NamedLock bSecond = order == LockOrder.Opposite ? lockOne : lockTwo;
        var threadA = new Thread(() => Worker(0, "thread A", lockOne, lockTwo)) { IsBackground = true, Name = "deadlock demo A" };
        var threadB = new Thread(() => Worker(1, "thread B", bFirst, bSecond)) { IsBackground = true, Name = "deadlock demo B" };
        threadA.Start();
        threadB.Start();

        // Bounded even if something unexpected blocks: each thread waits at most twice giveUp by design.
        TimeSpan joinLimit = (giveUp * 4) + TimeSpan.FromSeconds(10);
        bool joined = threadA.Join(joinLimit) & threadB.Join(joinLimit);
        if (!joined)
        {
            Log("demo", "a thread did not finish in time and was abandoned");
        }

        return new DeadlockReport(order, Volatile.Read(ref gaveUp) > 0, Volatile.Read(ref gaveUp), Volatile.Read(ref finished), [.. timeline], time.GetElapsedTime(started));
    }

    private sealed class NamedLock(string name)
    {
        public override string ToString() => name;
    }
}
