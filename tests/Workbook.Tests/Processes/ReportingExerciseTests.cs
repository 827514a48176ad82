using Workbook.Exercises;
using Workbook.Processes;
using Workbook.Tests.Exercises;
using Workbook.Tests.Processes.Fixtures;

namespace Workbook.Tests.Processes;

/// <summary>Exercise 02.2: one item crashes every worker it touches, one throws; the checker must end every process it started.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class ReportingExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("02.2", () => new ReportingStub()).Outcome);
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("02.2", () => new ReportingRunner());

        Assert.True(result.Outcome == CheckOutcome.Passed, result.ToString());
        Assert.Contains("6 values and 2 reported failures", result.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempts", result.Message, StringComparison.Ordinal);
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Theory]
    [InlineData(typeof(WhenAllLetsCrashEscape), "WorkerCrashedException escaped")]
    [InlineData(typeof(WhenAllLetsCrashEscape), "6 items that did succeed were lost")]
    [InlineData(typeof(SwallowsCrashAsZero), "reported as a success with value 0")]
    [InlineData(typeof(RetriesForever), "was still running and the crashing item had been started")]
    [InlineData(typeof(OneAtATimeReporting), "only one item running at a time")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type answer, string expected)
    {
        CheckResult result = _harness.Check("02.2", () => (IReportingRunner)Activator.CreateInstance(answer)!);

        Assert.True(result.Outcome == CheckOutcome.Failed, result.ToString());
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public void Items_OneCrashOneThrowRestSleeps_LabelsUnique()
    {
        IReadOnlyList<WorkItem> items = ReportingCheck.Items();

        Assert.Equal(WorkOperation.Crash, items[ReportingCheck.CrashIndex].Operation);
        Assert.Equal(WorkOperation.Throw, items[ReportingCheck.ThrowIndex].Operation);
        Assert.Equal(items.Count - 2, items.Count(i => i.Operation == WorkOperation.Sleep));
        Assert.Equal(items.Count, items.Select(i => i.Label).Distinct().Count());
    }
}
