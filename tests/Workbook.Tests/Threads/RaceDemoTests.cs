using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class RaceDemoTests
{
    [Theory]
    [InlineData(CounterStrategy.Lock)]
    [InlineData(CounterStrategy.Interlocked)]
    [InlineData(CounterStrategy.ThreadLocalSum)]
    public void Run_SynchronisedStrategy_CountsEveryIncrement(CounterStrategy strategy)
    {
        RaceResult result = RaceDemo.Run(strategy, threads: 4, incrementsPerThread: 200_000);

        Assert.Equal(800_000, result.Expected);
        Assert.Equal(result.Expected, result.Actual);
        Assert.True(result.IsExact);
        Assert.Equal(0, result.Lost);
    }

    [Fact]
    public void Run_Unsynchronized_NeverCountsMoreThanWereMade()
    {
        RaceResult result = RaceDemo.Run(CounterStrategy.Unsynchronized, threads: 4, incrementsPerThread: 200_000);

        Assert.InRange(result.Actual, 1, result.Expected);
        Assert.Equal(result.Expected - result.Actual, result.Lost);
    }

    [Fact]
    public void Run_UnsynchronizedOnOneThread_Exact()
    {
        // With a single thread there is nobody to race with: the count must be exact.
        RaceResult result = RaceDemo.Run(CounterStrategy.Unsynchronized, threads: 1, incrementsPerThread: 100_000);

        Assert.Equal(100_000, result.Actual);
    }

    [Fact]
    public void RunAll_EveryStrategyOnceInOrder()
    {
        IReadOnlyList<RaceResult> results = RaceDemo.RunAll(threads: 2, incrementsPerThread: 10_000);

        Assert.Equal(Enum.GetValues<CounterStrategy>(), results.Select(r => r.Strategy));
        Assert.All(results, r => Assert.Equal(20_000, r.Expected));
    }

    [Fact]
    public void Run_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RaceDemo.Run(CounterStrategy.Lock, threads: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RaceDemo.Run(CounterStrategy.Lock, incrementsPerThread: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RaceDemo.Run((CounterStrategy)42));
    }

    [Fact]
    public void ToString_ShowsCountsAndLoss() =>
        Assert.Equal(
            "Unsynchronized: 750 of 1,000 (250 lost) in 12 ms",
            new RaceResult(CounterStrategy.Unsynchronized, 2, 500, 1_000, 750, TimeSpan.FromMilliseconds(12)).ToString());
}
