using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class StartCostDemoTests
{
    [Theory]
    [InlineData(StartMechanism.NewThread)]
    [InlineData(StartMechanism.ThreadPool)]
    [InlineData(StartMechanism.TaskRun)]
    public async Task Measure_AnyMechanism_EveryItemRunsExactlyOnce(StartMechanism mechanism)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        StartCost cost = await Task.Run(() => StartCostDemo.Measure(mechanism, 200, cancellationToken: cancellation.Token))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(mechanism, cost.Mechanism);
        Assert.Equal(200, cost.Items);
        Assert.Equal(200, cost.Completed);
        Assert.Equal(cost.Elapsed / 200, cost.PerItem);
    }

    [Fact]
    public async Task MeasureAll_OneResultPerMechanismInOrder()
    {
        IReadOnlyList<StartCost> costs = await Task.Run(() => StartCostDemo.MeasureAll(50)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enum.GetValues<StartMechanism>(), costs.Select(c => c.Mechanism));
        Assert.All(costs, c => Assert.Equal(50, c.Completed));
    }

    [Fact]
    public void Measure_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StartCostDemo.Measure(StartMechanism.TaskRun, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StartCostDemo.Measure((StartMechanism)9));
    }
}
