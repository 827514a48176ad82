using Workbook.Exercises;
using Xunit.Abstractions;
using Workbook.Tests.Exercises;
using Workbook.Tests.Queues.Fixtures;
using Workbook.Queues;

namespace Workbook.Tests.Queues;

public sealed class ReliableConsumerExerciseTests(ITestOutputHelper output) : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("06.2", () => new ReliableConsumerStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_PassedWithCrashDetails()
    {
        CheckResult result = _harness.Check("06.2", () => new AckAfterProcessingConsumer());

        output.WriteLine(result.ToString());
        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        // Batch 1-10 read, 1-4 handled, crash on 5: four messages come back and are handled twice.
        Assert.Contains("crashed while handling message 5-0 holding 10 unacknowledged messages", result.Message, StringComparison.Ordinal);
        Assert.Contains("4 were handled twice", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AckEachMessageAlternative_Passed() =>
        Assert.Equal(CheckOutcome.Passed, _harness.Check("06.2", () => new AckEachMessageConsumer()).Outcome);

    [Theory]
    [InlineData(typeof(AcksBeforeProcessingConsumer), "6 of 30 messages were lost")]
    [InlineData(typeof(AcksBeforeProcessingConsumer), "you acknowledged them before handling them")]
    [InlineData(typeof(NeverAcksConsumer), "was handled 3 times in 3 calls of PollAsync")]
    [InlineData(typeof(NewOnlyNeverAcksConsumer), "all 25 messages were handled, but 25 are still pending")]
    [InlineData(typeof(IgnoresOwnPendingConsumer), "after the restart, 6 messages were never processed (e.g. 5-0)")]
    [InlineData(typeof(NeverReclaimsConsumer), "B had still not taken them over, so 8 of them were never processed (e.g. 3-0)")]
    [InlineData(typeof(ReclaimsAtOnceConsumer), "consumer B took over 10 of A's messages although A had received them 0 s earlier")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type consumer, string expected)
    {
        CheckResult result = _harness.Check("06.2", () => (IReliableConsumer)Activator.CreateInstance(consumer)!);

        output.WriteLine(result.ToString());
        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
