using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Threads.Fixtures;
using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class OnceCellExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("01.4", () => new OnceCellStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("01.4", () => new OnceCell());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("the factory ran exactly once each time", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LazyOfT_Passed() =>
        Assert.Equal(CheckOutcome.Passed, _harness.Check("01.4", () => new LazyCell()).Outcome);

    [Theory]
    [InlineData(typeof(CheckThenActCell), "several threads saw 'not created yet'")]
    [InlineData(typeof(MissingSecondCheckCell), "several threads saw 'not created yet'")]
    [InlineData(typeof(AlwaysCreatesCell), "two calls on one thread ran the factory 2 times")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type cell, string expected)
    {
        CheckResult result = _harness.Check("01.4", () => (IOnceCell)Activator.CreateInstance(cell)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
