using Workbook.Exercises;
using Workbook.Processes;
using Workbook.Tests.Exercises;
using Workbook.Tests.Processes.Fixtures;

namespace Workbook.Tests.Processes;

/// <summary>Exercise 02.1: the checker starts (and must end) its own worker processes for every check.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class FanOutExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("02.1", () => new FanOutStub()).Outcome);
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("02.1", () => new AllWorkersFanOut());

        Assert.True(result.Outcome == CheckOutcome.Passed, result.ToString());
        Assert.Contains("each ran exactly once", result.Message, StringComparison.Ordinal);
        Assert.Contains("in input order", result.Message, StringComparison.Ordinal);
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Theory]
    [InlineData(typeof(OneAtATimeFanOut), "only one item running at any moment")]
    [InlineData(typeof(CompletionOrderFanOut), "in the order the items FINISHED")]
    [InlineData(typeof(ReturnsEarlyFanOut), "only 0 of 8 items had finished")]
    [InlineData(typeof(SubmitsTwiceFanOut), "ran 2 times on the pool")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type answer, string expected)
    {
        CheckResult result = _harness.Check("02.1", () => (IFanOut)Activator.CreateInstance(answer)!);

        Assert.True(result.Outcome == CheckOutcome.Failed, result.ToString());
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public void Items_UnevenLengths_ShortItemsFinishBeforeTheFirstOnTwoWorkers()
    {
        // The reordering the check relies on, worked out on paper: the first item is longer
        // than the next three together, so on two workers they all finish before it.
        IReadOnlyList<WorkItem> items = FanOutCheck.Items();

        Assert.Equal(FanOutCheck.Durations.Length, items.Select(i => i.Label).Distinct().Count());
        Assert.Equal(FanOutCheck.Durations.Length, items.Select(i => i.Argument).Distinct().Count());
        Assert.True(items[0].Argument > items[1].Argument + items[2].Argument + items[3].Argument);
    }
}
