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
