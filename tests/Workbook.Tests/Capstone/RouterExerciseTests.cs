using Workbook.Capstone;
using Workbook.Exercises;
using Workbook.Tests.Capstone.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Capstone;

public sealed class RouterExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("09.4", () => new RetryOnceRouterStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("09.4", () => new RetryOnceRouter());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("went 10, 10, 10", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LibraryRouter_Passed()
    {
        CheckResult result = _harness.Check<IInstanceRouter>("09.4", () => new FailoverRouter());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
    }

    [Theory]
    [InlineData(typeof(NoRetryRouter), "was sent once")]
    [InlineData(typeof(SameInstanceRouter), "to the same instance")]
    [InlineData(typeof(RetryForeverRouter), "retry storm")]
    [InlineData(typeof(LeakyLeaseRouter), "still outstanding")]
    [InlineData(typeof(FirstInstanceRouter), "instances[lease.Index]")]
    public void Check_WrongRouter_FailedNamingTheMistake(Type router, string expected)
    {
        CheckResult result = _harness.Check("09.4", () => (IInstanceRouter)Activator.CreateInstance(router)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
