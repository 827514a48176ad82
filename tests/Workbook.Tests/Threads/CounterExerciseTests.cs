using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Threads.Fixtures;
using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class CounterExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("01.1", () => new SafeCounterStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("01.1", () => new SafeCounter());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("every increment was counted", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Store.Get("01.1").Passes);
    }

    [Theory]
    [InlineData(typeof(PlainIncrementCounter))]
    [InlineData(typeof(VolatileIncrementCounter))]
    [InlineData(typeof(NewLockObjectCounter))]
    public void Check_RacyCounter_FailedSayingUpdatesWereLost(Type counter)
    {
        CheckResult result = _harness.Check("01.1", () => (ICounter)Activator.CreateInstance(counter)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("updates were lost", result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"01.1\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CounterThrowingInvalidOperation_FailedNamingIt()
    {
        CheckResult result = _harness.Check("01.1", () => new ThrowingCounter());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("InvalidOperationException", result.Message, StringComparison.Ordinal);
        Assert.Contains("ThrowingCounter.Increment", result.Message, StringComparison.Ordinal);
    }
}
