using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Networking.Fixtures;

namespace Workbook.Tests.Networking;

public sealed class BoundedFetchExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("05.1", () => new BoundedFetcherStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("05.1", () => new BoundedFetcher());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("the other 16 were still sent", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnlimitedWhenAll_FailedNamingThePeak()
    {
        CheckResult result = _harness.Check("05.1", () => new UnlimitedFetcher());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("in flight at once, but the limit was 4", result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"05.1\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Sequential_FailedSayingOneAtATime()
    {
        CheckResult result = _harness.Check("05.1", () => new SequentialFetcher());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("never saw more than 1 request at once (limit 4)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SlotLeakedOnFailure_FailedSayingReleaseInFinally()
    {
        CheckResult result = _harness.Check("05.1", () => new LeaksSlotOnFailureFetcher());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("received only 0 of the 16 requests after the failures", result.Message, StringComparison.Ordinal);
        Assert.Contains("finally", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CodesInCompletionOrder_FailedSayingInputOrder()
    {
        CheckResult result = _harness.Check("05.1", () => new CompletionOrderFetcher());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("Store each code at its URL's index", result.Message, StringComparison.Ordinal);
    }
}
