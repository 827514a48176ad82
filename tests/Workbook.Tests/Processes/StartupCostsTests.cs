using Workbook.Processes;

namespace Workbook.Tests.Processes;

/// <summary>The helpers only measure: these tests check the numbers are real, never how big they are.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class StartupCostsTests
{
    [Fact]
    public async Task MeasureAsync_OneRepetition_ReportsPositiveFiniteNumbers()
    {
        StartupCostReport report = await StartupCosts.MeasureAsync(1).Within();

        Assert.Equal(1, report.Repetitions);
        Assert.All(
            [report.ProcessMilliseconds, report.ThreadMilliseconds, report.ThreadPoolItemMilliseconds],
            ms => Assert.True(double.IsFinite(ms) && ms > 0, $"{ms} is not a positive duration"));
        Assert.Contains("median of 1", report.ToString());
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public async Task MeasureAsync_ZeroRepetitions_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StartupCosts.MeasureAsync(0)).Within();
        Assert.Equal("repetitions", error.ParamName);
    }
}
