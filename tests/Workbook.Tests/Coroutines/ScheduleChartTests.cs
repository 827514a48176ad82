using System.Text.Json;
using Workbook.Coroutines;
using static Workbook.Tests.Charts.ChartJson;

namespace Workbook.Tests.Coroutines;

public sealed class ScheduleChartTests
{
    [Fact]
    public void Timeline_RunWithSleepWaitAndIdle_OneTracePerActivityAndLanesInSpawnOrder()
    {
        var scheduler = new CooperativeScheduler();
        CoTask kettle = scheduler.Spawn("kettle", [Instruction.Sleep(3)]);
        scheduler.Spawn("breakfast", [Instruction.WaitFor(kettle)]);
        ScheduleReport report = scheduler.Run();

        var (data, layout) = Of(ScheduleChart.Timeline(report));

        string[] names = data.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["running", "ready, waiting for its turn", "sleeping", "waiting for another task", "nothing can run (clock jumps)"], names);
        Assert.Equal(["kettle", "breakfast", "(idle)"], Strings(layout.GetProperty("yaxis").GetProperty("categoryarray")));
        JsonElement running = data[0];
        Assert.Equal(report.Steps.Count, running.GetProperty("x").GetArrayLength());
        Assert.Equal(report.Steps.Select(s => (double)s.Tick), Doubles(running.GetProperty("base")));
        Assert.Equal("virtual time (ticks)", layout.GetProperty("xaxis").GetProperty("title").GetString());
    }

    [Fact]
    public void IdlePeriods_GapsBetweenSteps_ReturnedInOrder()
    {
        var scheduler = new CooperativeScheduler();
        scheduler.Spawn("A", [Instruction.Sleep(2), Instruction.Sleep(1)]);
        ScheduleReport report = scheduler.Run();

        // Steps at 0, 3 and 5; the gaps 1-3 and 4-5 are idle.
        Assert.Equal([(1L, 3L), (4L, 5L)], ScheduleChart.IdlePeriods(report));
        Assert.Equal(report.IdleTicks, ScheduleChart.IdlePeriods(report).Sum(p => p.End - p.Start));
    }
}

public sealed class PipelineChartTests
{
    [Fact]
    public void ItemsPerStage_TwoRunsAndSourceSize_GroupedLogBarsWithReferenceLine()
    {
        var lazy = new PullProbe();
        _ = Enumerable.Range(0, 100).CountInto(lazy, "read").Take(3).CountInto(lazy, "first 3").ToList();
        var eager = new PullProbe();
        _ = Enumerable.Range(0, 100).CountInto(eager, "read").ToList().Take(3).CountInto(eager, "first 3").ToList();

        var (data, layout) = Of(PipelineChart.ItemsPerStage([("lazy", lazy), ("eager", eager)], sourceSize: 100));

        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal(["read", "first 3"], Strings(data[0].GetProperty("x")));
        Assert.Equal([3.0, 3.0], Doubles(data[0].GetProperty("y")));
        Assert.Equal([100.0, 3.0], Doubles(data[1].GetProperty("y")));
        Assert.Equal("dash", data[2].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void ItemsPerStage_NoRuns_Throws() =>
        Assert.Throws<ArgumentException>(() => PipelineChart.ItemsPerStage([]));
}
