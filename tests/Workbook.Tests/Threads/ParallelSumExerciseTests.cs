using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Threads.Fixtures;
using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class ParallelSumExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("01.2", () => new PartitionedSummerStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("01.2", () => new PartitionedSummer());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("every element read exactly once", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(DropsRemainderSummer), "were never read")]
    [InlineData(typeof(DropsRemainderSummer), "remainder")]
    [InlineData(typeof(OverlappingRangesSummer), "the ranges overlap")]
    [InlineData(typeof(SharedTotalSummer), "one shared total")]
    [InlineData(typeof(SingleThreadSummer), "only one thread")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type summer, string expected)
    {
        CheckResult result = _harness.Check("01.2", () => (IParallelSummer)Activator.CreateInstance(summer)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
