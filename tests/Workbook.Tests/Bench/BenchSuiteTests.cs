using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

public sealed class BenchSuiteTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly BenchSpec WrkSpec = new("5", 5, "Load generator vs wrk", "ours ÷ wrk", BenchTarget.AtLeast(0.8));

    private static FakeItem Measuring(int number, double ratio, string id) =>
        new(number, new BenchSpec(id, number, $"item {number}", "a ÷ b", BenchTarget.AtLeast(1)))
        {
            Run = _ => [new BenchSpec(id, number, $"item {number}", "a ÷ b", BenchTarget.AtLeast(1)).Judge([], ratio)],
        };

    [Fact]
    public async Task RunAsync_ToolMissing_SkippedNeverRunAndNeverMet()
    {
        var item = new FakeItem(5, WrkSpec)
        {
            Requires = [new ToolRequirement("wrk", "apt-get install wrk")],
            Run = _ => [WrkSpec.Judge([], 5.0)],
        };
        var log = new StringWriter();

        IReadOnlyList<BenchMeasurement> rows = await BenchSuite.RunAsync([item], new BenchOptions(), BenchFixtures.Context(new FakeTools(), log: log)).WaitAsync(Limit);

        BenchMeasurement row = Assert.Single(rows);
        Assert.Equal(BenchStatus.Skipped, row.Status);
        Assert.Null(row.Met);
        Assert.Null(row.Ratio);
        Assert.Equal(0, item.Runs);
        Assert.Equal("skipped: wrk not installed (install it with: apt-get install wrk)", row.Notes);
        Assert.Contains("apt-get install wrk", log.ToString());
    }

    [Fact]
    public async Task RunAsync_ToolPresent_ItemRunsAndIsJudged()
    {
        var item = new FakeItem(5, WrkSpec)
        {
            Requires = [new ToolRequirement("wrk", "apt-get install wrk")],
            Run = _ => [WrkSpec.Judge([], 0.9)],
        };

        IReadOnlyList<BenchMeasurement> rows = await BenchSuite.RunAsync([item], new BenchOptions(), BenchFixtures.Context(new FakeTools("wrk"))).WaitAsync(Limit);

        Assert.Equal(1, item.Runs);
        Assert.Equal(BenchStatus.Met, Assert.Single(rows).Status);
    }

    [Fact]
    public async Task RunAsync_PendingItem_EveryDeclaredRowPendingAndNotRun()
    {
        var a = new BenchSpec("6a", 6, "proxy throughput", "", BenchTarget.AtLeast(1));
        var b = new BenchSpec("6b", 6, "proxy p99", "", BenchTarget.AtMost(0.5));
        var item = new FakeItem(6, a, b) { PendingReason = "pending: needs the loopback farm (issue #6)" };

        IReadOnlyList<BenchMeasurement> rows = await BenchSuite.RunAsync([item], new BenchOptions(), BenchFixtures.Context()).WaitAsync(Limit);

        Assert.Equal(["6a", "6b"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(BenchStatus.Pending, r.Status));
        Assert.All(rows, r => Assert.Equal("pending: needs the loopback farm (issue #6)", r.Notes));
        Assert.Equal(0, item.Runs);
    }

    [Fact]
    public async Task RunAsync_ItemThrows_FailedRowsAndTheRunGoesOn()
    {
        var broken = new FakeItem(1, new BenchSpec("1", 1, "broken", "")) { Run = _ => throw new InvalidOperationException("no server") };
        FakeItem healthy = Measuring(2, 2.0, "2");

        IReadOnlyList<BenchMeasurement> rows = await BenchSuite.RunAsync([broken, healthy], new BenchOptions(), BenchFixtures.Context()).WaitAsync(Limit);

        Assert.Equal(BenchStatus.Failed, rows[0].Status);
        Assert.Contains("no server", rows[0].Notes);
        Assert.Equal(BenchStatus.Met, rows[1].Status);
    }

    [Fact]
    public async Task RunAsync_ItemLeavesARowOut_ThatRowFails()
    {
        var first = new BenchSpec("2a", 2, "first", "", BenchTarget.AtMost(1.2));
        var second = new BenchSpec("2b", 2, "second", "", BenchTarget.AtMost(1.4));
        var item = new FakeItem(2, first, second) { Run = _ => [second.Judge([], 1.0)] };

        IReadOnlyList<BenchMeasurement> rows = await BenchSuite.RunAsync([item], new BenchOptions(), BenchFixtures.Context()).WaitAsync(Limit);

        Assert.Equal(["2a", "2b"], rows.Select(r => r.Id));
        Assert.Equal(BenchStatus.Failed, rows[0].Status);
        Assert.Equal(BenchStatus.Met, rows[1].Status);
    }

    [Fact]
    public async Task RunAsync_ItemReturnsAnUndeclaredRow_Throws()
    {
        var declared = new BenchSpec("3a", 3, "declared", "");
        var item = new FakeItem(3, declared) { Run = _ => [declared.Judge([], 1), new BenchSpec("3z", 3, "stray", "").Judge([], 1)] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BenchSuite.RunAsync([item], new BenchOptions(), BenchFixtures.Context())).WaitAsync(Limit);

        Assert.Contains("3z", error.Message);
    }

    [Fact]
    public async Task RunAsync_Only_RunsTheSelectedItemsInItemOrder()
    {
        FakeItem three = Measuring(3, 2, "3"), one = Measuring(1, 2, "1"), two = Measuring(2, 2, "2");

        IReadOnlyList<BenchMeasurement> rows = await BenchSuite.RunAsync(
            [three, one, two], BenchOptions.Parse(["--only", "3,1"]), BenchFixtures.Context()).WaitAsync(Limit);

        Assert.Equal(["1", "3"], rows.Select(r => r.Id));
        Assert.Equal(0, two.Runs);
    }

    [Fact]
    public void Select_OnlyNamesAMissingItem_ThrowsListingTheItems()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchSuite.Select([Measuring(1, 1, "1"), Measuring(2, 1, "2")], BenchOptions.Parse(["--only", "2,11"])));

        Assert.Contains("11", error.Message);
        Assert.Contains("1, 2", error.Message);
    }

    [Fact]
    public void Select_TwoItemsWithOneNumber_Throws()
    {
        Assert.Throws<ArgumentException>(() => BenchSuite.Select([Measuring(1, 1, "1"), Measuring(1, 1, "1")], new BenchOptions()));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsInsteadOfFailedRows()
    {
        using var cancel = new CancellationTokenSource();
        var item = new FakeItem(1, new BenchSpec("1", 1, "x", ""))
        {
            Run = _ =>
            {
                cancel.Cancel();
                throw new OperationCanceledException(cancel.Token);
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BenchSuite.RunAsync([item], new BenchOptions(), BenchFixtures.Context(), cancel.Token)).WaitAsync(Limit);
    }

    [Fact]
    public void SkipReason_NamesTheToolAndTheInstallCommand()
    {
        Assert.Equal("skipped: python3 not installed (install it with: apt-get install python3)", new ToolRequirement("python3", "apt-get install python3").SkipReason);
    }
}
