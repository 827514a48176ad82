using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

public sealed class InterleavedRoundsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_ThreeContendersFourRounds_AlternatesDirectionEveryRound()
    {
        var script = new ScriptedContenders();
        Contender[] contenders = [script.Add("A", 0, 1, 2, 3, 4), script.Add("B", 0, 1, 2, 3, 4), script.Add("C", 0, 1, 2, 3, 4)];

        RoundSamples samples = await InterleavedRounds.RunAsync(contenders, rounds: 4).WaitAsync(Limit);

        Assert.Equal(["A", "B", "C", "A", "B", "C", "C", "B", "A", "A", "B", "C", "C", "B", "A"], script.Calls);
        Assert.Equal(
            [(0, "A"), (0, "B"), (0, "C"), (1, "C"), (1, "B"), (1, "A"), (2, "A"), (2, "B"), (2, "C"), (3, "C"), (3, "B"), (3, "A")],
            samples.Order);
    }

    [Fact]
    public async Task RunAsync_WithWarmUp_DiscardsTheWarmUpSample()
    {
        var script = new ScriptedContenders();
        Contender[] contenders = [script.Add("A", 99, 1, 2, 3), script.Add("B", 99, 10, 20, 30)];

        RoundSamples samples = await InterleavedRounds.RunAsync(contenders, rounds: 3, warmUp: true).WaitAsync(Limit);

        Assert.Equal([1.0, 2.0, 3.0], samples.Contenders[0].Samples);
        Assert.Equal([10.0, 20.0, 30.0], samples.Contenders[1].Samples);
        Assert.Equal(6, samples.Order.Count);
        Assert.Equal(8, script.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_WithoutWarmUp_EverySampleCounts()
    {
        var script = new ScriptedContenders();

        RoundSamples samples = await InterleavedRounds.RunAsync([script.Add("A", 5, 1, 3)], rounds: 3, warmUp: false).WaitAsync(Limit);

        Assert.Equal([5.0, 1.0, 3.0], samples.Contenders[0].Samples);
        Assert.Equal(3.0, samples.Contenders[0].Median);
    }

    [Fact]
    public async Task RunAsync_SamplesOfAReversedRound_LandWithTheirOwnContender()
    {
        var script = new ScriptedContenders();
        Contender[] contenders = [script.Add("fast", 1, 1, 1), script.Add("slow", 10, 10, 10)];

        RoundSamples samples = await InterleavedRounds.RunAsync(contenders, rounds: 3, warmUp: false).WaitAsync(Limit);

        Assert.All(samples.Contenders[0].Samples, s => Assert.Equal(1.0, s));
        Assert.All(samples.Contenders[1].Samples, s => Assert.Equal(10.0, s));
    }

    [Fact]
    public async Task RunAsync_OnSample_HearsEverySampleInOrder()
    {
        var script = new ScriptedContenders();
        var heard = new List<(int, string, double)>();

        await InterleavedRounds.RunAsync([script.Add("A", 1, 2), script.Add("B", 3, 4)], rounds: 2, warmUp: false, onSample: (r, n, v) => heard.Add((r, n, v))).WaitAsync(Limit);

        Assert.Equal([(0, "A", 1.0), (0, "B", 3.0), (1, "B", 4.0), (1, "A", 2.0)], heard);
    }

    [Fact]
    public async Task RunAsync_DuplicateNames_Throws()
    {
        var script = new ScriptedContenders();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => InterleavedRounds.RunAsync([script.Add("A", 1), script.Add("A", 1)], 1)).WaitAsync(Limit);

        Assert.Contains("'A'", error.Message);
    }

    [Fact]
    public async Task RunAsync_NoContendersOrNoRounds_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => InterleavedRounds.RunAsync([], 3)).WaitAsync(Limit);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => InterleavedRounds.RunAsync([new ScriptedContenders().Add("A", 1)], 0)).WaitAsync(Limit);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public async Task RunAsync_ImpossibleSample_ThrowsNamingTheContender(double bad)
    {
        var script = new ScriptedContenders();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => InterleavedRounds.RunAsync([script.Add("broken", bad)], 1, warmUp: false)).WaitAsync(Limit);

        Assert.Contains("broken", error.Message);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsBeforeTheNextSample()
    {
        using var cancel = new CancellationTokenSource();
        int calls = 0;
        var contender = new Contender("A", "s", _ =>
        {
            calls++;
            cancel.Cancel();
            return ValueTask.FromResult(1.0);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => InterleavedRounds.RunAsync([contender], 5, warmUp: false, cancellationToken: cancel.Token)).WaitAsync(Limit);

        Assert.Equal(1, calls);
    }

    [Fact]
    public void OrderOfRound_EvenAndOdd_ForwardsThenBackwards()
    {
        Assert.Equal([0, 1, 2], InterleavedRounds.OrderOfRound(3, 0));
        Assert.Equal([2, 1, 0], InterleavedRounds.OrderOfRound(3, 1));
        Assert.Equal([0, 1, 2], InterleavedRounds.OrderOfRound(3, 2));
    }
}
