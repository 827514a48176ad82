using Workbook.Processes;

namespace Workbook.Tests.Processes;

public sealed class CpuWorkTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 2)]
    [InlineData(0, 3)]
    [InlineData(0, 100)]
    [InlineData(2, 3)]
    [InlineData(99_990, 100_010)]
    [InlineData(0, 200_000)]
    [InlineData(1_000_000, 1_010_000)]
    public void CountPrimes_Range_MatchesSieve(long from, long to) =>
        Assert.Equal(Primes.Count(from, to), CpuWork.CountPrimes(from, to));

    [Fact]
    public void IsPrime_SmallNumbers_MatchesDefinition()
    {
        long[] primes = [.. Enumerable.Range(-3, 40).Where(n => CpuWork.IsPrime(n)).Select(n => (long)n)];
        Assert.Equal([2L, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31], primes);
    }

    [Fact]
    public void Spin_SameIterations_SameChecksumDifferentIterationsDiffer()
    {
        Assert.Equal(CpuWork.Spin(10_000), CpuWork.Spin(10_000));
        Assert.NotEqual(CpuWork.Spin(10_000), CpuWork.Spin(10_001));
    }

    [Fact]
    public void CountPrimes_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => CpuWork.CountPrimes(0, 1_000_000, cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => CpuWork.Spin(1_000_000, cancelled.Token));
    }

    [Fact]
    public void CountPrimes_Progress_ReportsQuartersInOrder()
    {
        var reported = new List<double>();
        CpuWork.CountPrimes(0, 400_000, reported.Add, CancellationToken.None);
        Assert.Equal([0.25, 0.5, 0.75], reported);
    }

    [Fact]
    public void CountPrimes_BadRange_ThrowsNamingTheArgument()
    {
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => CpuWork.CountPrimes(-1, 5)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => CpuWork.CountPrimes(10, 5)).ParamName);
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => CpuWork.Spin(-1)).ParamName);
    }
}
