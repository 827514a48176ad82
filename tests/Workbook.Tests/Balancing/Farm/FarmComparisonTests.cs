using Workbook.Balancing.Farm;

namespace Workbook.Tests.Balancing.Farm;

public sealed class FarmComparisonTests : FarmTest
{
    [Fact]
    public async Task RunAsync_SmallComparison_EveryContenderCompleteAndRoundRobinExact()
    {
        BackendFarm farm = await StartFarmAsync(new FarmOptions { Latency = TimeSpan.Zero });
        var options = new FarmComparisonOptions
        {
            Ours = ["round-robin", "peak-ewma"],
            Yarp = [YarpFarmProxy.RoundRobin, YarpFarmProxy.PowerOfTwoChoices],
            Concurrency = 3,
            RequestsPerRound = 30,
            Rounds = 2,
            WarmupRequests = 6,
        };

        FarmComparisonResult result = await FarmComparison.RunAsync(farm, options).WaitAsync(Timeout);

        Assert.Equal(["ours round-robin", "ours peak-ewma", "YARP RoundRobin", "YARP PowerOfTwoChoices"], result.Contenders.Select(c => c.Name));
        Assert.All(result.Contenders, c =>
        {
            Assert.Equal((60L, 0L), (c.Requests, c.Errors));
            Assert.Equal(60, c.PerBackend.Sum());
            Assert.Equal(2, c.RoundThroughputs.Count);
            Assert.True(c.Throughput > 0 && c.P50 > TimeSpan.Zero && c.P99 >= c.P50 && c.Mean > TimeSpan.Zero, c.ToString());
        });
        Assert.Equal([20L, 20L, 20L], result.Ours("round-robin").PerBackend);
        Assert.Equal([20L, 20L, 20L], result.Yarp("RoundRobin").PerBackend);
        // Every request of every round and warm-up reached exactly one backend.
        Assert.Equal(4 * (60 + 6), farm.RequestsServed.Sum());
    }

    [Fact]
    public async Task Result_UnknownContender_ThrowsNamingTheComparedOnes()
    {
        var result = new FarmComparisonResult("farm", ["b0"], [new ContenderResult("ours", "round-robin", 1, 0, 1, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), [1], [1], TimeSpan.FromMilliseconds(1))], TimeSpan.FromSeconds(1));

        var e = Assert.Throws<ArgumentException>(() => result.Ours("peak-ewma"));

        Assert.Contains("Compared: round-robin", e.Message);
        await Task.CompletedTask;
    }

    public static TheoryData<FarmComparisonOptions, string> BadOptions => new()
    {
        { new FarmComparisonOptions { Ours = ["fastest"] }, "Ours" },
        { new FarmComparisonOptions { Ours = [], Yarp = [] }, "Ours" },
        { new FarmComparisonOptions { Ours = ["random", "Random"] }, "Ours" },
        { new FarmComparisonOptions { Path = "fast" }, "Path" },
        { new FarmComparisonOptions { Rounds = 0 }, "Rounds" },
        { new FarmComparisonOptions { Concurrency = 0 }, "Concurrency" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task RunAsync_BadOptions_ThrowsBeforeStartingAnything(FarmComparisonOptions options, string setting)
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => FarmComparison.RunAsync(options).WaitAsync(Timeout));

        Assert.Equal(setting, e.ParamName);
    }
}
