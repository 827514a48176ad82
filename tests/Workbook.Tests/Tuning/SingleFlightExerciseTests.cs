using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Tuning.Fixtures;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class SingleFlightExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("08.1", () => new SingleFlightCacheStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("08.1", () => new SingleFlightCache());

        Assert.True(result.Outcome == CheckOutcome.Passed, result.Message);
        Assert.Contains("the backend saw exactly 1 fetch", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Store.Get("08.1").Passes);
    }

    [Theory]
    [InlineData(typeof(NaiveCache), "every one of them started its own fetch")]
    [InlineData(typeof(PassThroughCache), "nothing was cached")]
    [InlineData(typeof(EagerTaskCache), "GetOrAdd runs its value factory outside its lock")]
    [InlineData(typeof(EagerEvictingCache), "GetOrAdd runs its value factory outside its lock")]
    [InlineData(typeof(GlobalLockCache), "different keys must not wait for each other")]
    [InlineData(typeof(BlockingLockCache), "blocked its caller's thread")]
    [InlineData(typeof(LazyTaskCache), "the failure is cached forever")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type cache, string expected)
    {
        CheckResult result = _harness.Check("08.1", () => (IAsyncCache)Activator.CreateInstance(cache)!);

        Assert.True(result.Outcome == CheckOutcome.Failed, result.Message);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"08.1\")", result.Message, StringComparison.Ordinal);
    }
}
