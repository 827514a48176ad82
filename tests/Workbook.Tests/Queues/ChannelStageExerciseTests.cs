using Workbook.Exercises;
using Xunit.Abstractions;
using Workbook.Queues;
using Workbook.Tests.Exercises;
using Workbook.Tests.Queues.Fixtures;

namespace Workbook.Tests.Queues;

public sealed class ChannelStageExerciseTests(ITestOutputHelper output) : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("06.1", () => new ChannelStageStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_PassedAndReportsBackpressure()
    {
        CheckResult result = _harness.Check("06.1", () => new NeverDropStage());

        output.WriteLine(result.ToString());
        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        // One item in the stage's hands, a full output and a full input: exactly where the producer must stop.
        var heldAt = ChannelStageCheck.OutputCapacity + ChannelStageCheck.InputCapacity + 1;
        Assert.Contains($"the producer was held after {heldAt} items", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExplicitLoopAlternative_Passed() =>
        Assert.Equal(CheckOutcome.Passed, _harness.Check("06.1", () => new ExplicitLoopStage()).Outcome);

    [Theory]
    [InlineData(typeof(TryWriteDropsStage), "TryWrite returned false")]
    [InlineData(typeof(NeverCompletesStage), "the output never completed")]
    [InlineData(typeof(CompletesWhenEmptyStage), "completed its output after 3 of 30 items, while the input was still open")]
    [InlineData(typeof(SwallowsErrorsStage), "but your stage completed its output normally")]
    [InlineData(typeof(ForgetsWorkStage), "item 1 came out as 1, but work(1) = 4")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type stage, string expected)
    {
        CheckResult result = _harness.Check("06.1", () => (IChannelStage)Activator.CreateInstance(stage)!);

        output.WriteLine(result.ToString());
        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TryWriteDrops_NamesHowManyItemsWereLost()
    {
        CheckResult result = _harness.Check("06.1", () => new TryWriteDropsStage());

        // The exact count depends on scheduling; that some were dropped and the count is printed does not.
        Assert.Matches(@"in the flood round \d[\d,]* of 500 items never came out", result.Message);
    }
}
