using System.Collections.Concurrent;
using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

public sealed class CheckContextTests
{
    private static CheckContext NewContext(CancellationToken token = default) => new(token, TimeSpan.FromSeconds(30), seed: 7);

    [Fact]
    public void ThreadCount_AtLeastFourAndTwiceTheCores() =>
        Assert.Equal(Math.Max(4, 2 * Environment.ProcessorCount), NewContext().ThreadCount);

    [Fact]
    public void TryRunThreads_AllFinish_TrueAndEveryIndexRanOnceOnItsOwnThread()
    {
        var seen = new ConcurrentDictionary<int, int>();

        bool finished = NewContext().TryRunThreads(6, i => seen[i] = Environment.CurrentManagedThreadId, TimeSpan.FromSeconds(30));

        Assert.True(finished);
        Assert.Equal([0, 1, 2, 3, 4, 5], seen.Keys.Order());
        Assert.Equal(6, seen.Values.Distinct().Count());
    }

    [Fact]
    public void RunThreads_AllThreadsRunAtTheSameTime_ABarrierInsideCompletes()
    {
        // Six threads that each wait for all six: only possible if they really run concurrently.
        using var meet = new Barrier(6);
        int met = 0;

        NewContext().RunThreads(6, _ =>
        {
            if (meet.SignalAndWait(TimeSpan.FromSeconds(30)))
            {
                Interlocked.Increment(ref met);
            }
        });

        Assert.Equal(6, met);
    }

    [Fact]
    public void TryRunThreads_OneThreadStuck_ReturnsFalseAfterTheWait()
    {
        var release = new ManualResetEventSlim(false);
        try
        {
            bool finished = NewContext().TryRunThreads(3, i =>
            {
                if (i == 1)
                {
                    release.Wait();
                }
            }, TimeSpan.FromMilliseconds(200));

            Assert.False(finished);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void TryRunThreads_OneThreadThrowsWhileAnotherIsStuck_ThrowsAggregateWithoutWaiting()
    {
        var release = new ManualResetEventSlim(false);
        try
        {
            var error = Assert.Throws<AggregateException>(() => NewContext().TryRunThreads(2, i =>
            {
                if (i == 0)
                {
                    release.Wait();
                }
                else
                {
                    throw new FormatException("boom");
                }
            }, Timeout.InfiniteTimeSpan));

            Assert.IsType<FormatException>(Assert.Single(error.InnerExceptions));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void TryRunThreads_TokenCancelledWhileWaiting_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var release = new ManualResetEventSlim(false);
        try
        {
            CheckContext context = NewContext(cancellation.Token);
            Assert.Throws<OperationCanceledException>(() => context.TryRunThreads(2, i =>
            {
                if (i == 0)
                {
                    cancellation.Cancel();
                }

                release.Wait();
            }, Timeout.InfiniteTimeSpan));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void TryRunThreads_BadArguments_Throw()
    {
        CheckContext context = NewContext();

        Assert.Throws<ArgumentOutOfRangeException>(() => context.TryRunThreads(0, _ => { }, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.TryRunThreads(1, _ => { }, TimeSpan.Zero));
        Assert.Throws<ArgumentNullException>(() => context.TryRunThreads(1, null!, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void CreateRandom_SameSeedAndStream_SameSequence()
    {
        static int[] Take(Random random) => [.. Enumerable.Range(0, 5).Select(_ => random.Next())];

        int[] first = Take(NewContext().CreateRandom(3));

        Assert.Equal(first, Take(NewContext().CreateRandom(3)));
        Assert.NotEqual(first, Take(NewContext().CreateRandom(4)));
    }

    [Fact]
    public void Require_FalseCondition_ThrowsFailureWithMessage()
    {
        var error = Assert.Throws<ExerciseFailedException>(() => NewContext().Require(false, "counted 7 of 10"));

        Assert.Equal("counted 7 of 10", error.Message);
    }
}
