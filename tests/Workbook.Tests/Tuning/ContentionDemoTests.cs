using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class ContentionDemoTests
{
    [Theory]
    [InlineData(CounterKind.Lock)]
    [InlineData(CounterKind.Interlocked)]
    [InlineData(CounterKind.ShardedAdjacent)]
    [InlineData(CounterKind.ShardedPadded)]
    [InlineData(CounterKind.LocalThenCombine)]
    public void Run_FourThreads_CountsEveryIncrement(CounterKind kind)
    {
        ContentionResult result = ContentionDemo.Run(kind, threads: 4, incrementsPerThread: 200_000);

        Assert.Equal(800_000, result.Expected);
        Assert.True(result.IsExact, result.ToString());
        Assert.True(result.LockContentions >= 0);
    }

    [Fact]
    public void RunAll_TwoRounds_OneResultPerKindInDeclarationOrder()
    {
        var results = ContentionDemo.RunAll(threads: 2, incrementsPerThread: 10_000, rounds: 2);

        Assert.Equal(Enum.GetValues<CounterKind>(), results.Select(r => r.Kind));
        Assert.All(results, r => Assert.True(r.IsExact));
    }

    [Fact]
    public void Add_ThreadIndexOutOfRange_Throws()
    {
        var counter = new ContendedCounter(CounterKind.ShardedPadded, threads: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add(2, 1));
    }

    [Fact]
    public void Total_ShardedFromTwoThreads_SumsTheShards()
    {
        var counter = new ContendedCounter(CounterKind.ShardedAdjacent, threads: 2);
        var other = new Thread(() => counter.Add(1, 500));
        other.Start();
        counter.Add(0, 700);
        Assert.True(other.Join(TimeSpan.FromSeconds(30)));

        Assert.Equal(1_200, counter.Total());
    }

    [Fact]
    public void Run_UnknownKind_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContentionDemo.Run((CounterKind)99));
}
