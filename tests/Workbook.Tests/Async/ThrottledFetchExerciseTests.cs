using Workbook.Async;
using Workbook.Exercises;
using Workbook.Tests.Async.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Async;

public sealed class ThrottledFetchExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("03.1", () => new ThrottledFetcherStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("03.1", () => new ThrottledFetcher());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("peak in flight equal to the limit", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ParallelForEachAsync_Passed() =>
        Assert.Equal(CheckOutcome.Passed, _harness.Check("03.1", () => new ParallelForEachFetcher()).Outcome);

    [Theory]
    [InlineData(typeof(NoLimitFetcher), "24 fetches were in flight at once with limit 4")]
    [InlineData(typeof(SequentialFetcher), "only 1 fetch was ever in flight with limit 4")]
    [InlineData(typeof(CompletionOrderFetcher), "in the order the fetches finished")]
    [InlineData(typeof(BatchFetcher), "you start the URLs in batches of 3")]
    [InlineData(typeof(LeakySemaphoreFetcher), "never gave their 2 slots back")]
    [InlineData(typeof(IgnoresTokenFetcher), "pass the cancellation token on")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type fetcher, string expected)
    {
        CheckResult result = _harness.Check("03.1", () => (IThrottledFetcher)Activator.CreateInstance(fetcher)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
