using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class SpeedupDemoTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(9, false)]
    [InlineData(97, true)]
    [InlineData(7_919, true)]
    [InlineData(7_921, false)]
    public void IsPrime_KnownNumbers(int n, bool prime) => Assert.Equal(prime, PrimeCounting.IsPrime(n));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void CountParallel_AnyThreadCount_EqualsSequential(int threads)
    {
        int sequential = PrimeCounting.CountSequential(123_457);

        Assert.Equal(sequential, PrimeCounting.CountParallel(123_457, threads));
    }

    [Fact]
    public void CountSequential_BelowOneHundredThousand_IsTheKnownPrimeCount() =>
        Assert.Equal(9_592, PrimeCounting.CountSequential(100_000));

    [Fact]
    public void Measure_UpToFourThreads_OnePointEachWithTheSequentialResult()
    {
        int expected = PrimeCounting.CountSequential(50_000);

        IReadOnlyList<SpeedupPoint> points = SpeedupDemo.Measure(limit: 50_000, maxThreads: 4);

        Assert.Equal([1, 2, 3, 4], points.Select(p => p.Threads));
        Assert.All(points, p => Assert.Equal(expected, p.Primes));
        Assert.Equal(1.0, points[0].Speedup);
        Assert.All(points, p => Assert.True(p.Speedup > 0));
    }

    [Fact]
    public void Measure_SeveralRounds_OnePointPerThreadCountWithTheSequentialResult()
    {
        int expected = PrimeCounting.CountSequential(30_000);

        IReadOnlyList<SpeedupPoint> points = SpeedupDemo.Measure(limit: 30_000, maxThreads: 3, rounds: 3);

        Assert.Equal([1, 2, 3], points.Select(p => p.Threads));
        Assert.All(points, p => Assert.Equal(expected, p.Primes));
        Assert.Equal(1.0, points[0].Speedup);
        Assert.All(points.Skip(1), p => Assert.Equal(points[0].Elapsed / p.Elapsed, p.Speedup, tolerance: 1e-9));
    }

    [Fact]
    public void Measure_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeedupDemo.Measure(limit: 10, rounds: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeedupDemo.Measure(limit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeedupDemo.Measure(limit: 10, maxThreads: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimeCounting.CountParallel(10, 0));
    }
}
