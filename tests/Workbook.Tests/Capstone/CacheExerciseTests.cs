using Workbook.Capstone;
using Workbook.Exercises;
using Workbook.Tests.Capstone.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Capstone;

public sealed class CacheExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("09.3", () => new QuoteCacheStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("09.3", () => new QuoteCache());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("shared one computation", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LibraryCache_Passed()
    {
        CheckResult result = _harness.Check<IQuoteCache>("09.3", () => new Workbook.Capstone.SingleFlightCache());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
    }

    [Theory]
    [InlineData(typeof(NoCache), "the value was not kept")]
    [InlineData(typeof(ValueOnlyCache), "cache stampede")]
    [InlineData(typeof(FactoryStampedeCache), "cache stampede")]
    [InlineData(typeof(FailureKeepingCache), "the failure was stored like a value")]
    [InlineData(typeof(GlobalLockCache), "while key 3 was being computed")]
    public void Check_WrongCache_FailedNamingTheMistake(Type cache, string expected)
    {
        CheckResult result = _harness.Check("09.3", () => (IQuoteCache)Activator.CreateInstance(cache)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
