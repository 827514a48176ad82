using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Tuning.Fixtures;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

// The check compares process-wide lock contention counts: run alone.
[Collection(TuningCollection.Name)]
public sealed class RequestStatsExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("08.2", () => new RequestStatsStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("08.2", () => new RequestStats());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("counted exactly", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(OriginalHotspot), "Threads still queue for a lock on every request")]
    [InlineData(typeof(LockPerEndpointStats), "Threads still queue for a lock on every request")]
    [InlineData(typeof(LostUpdateStats), "updates were lost")]
    [InlineData(typeof(AddOrUpdateStats), "Threads still queue for a lock on every request")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type stats, string expected)
    {
        CheckResult result = _harness.Check("08.2", () => (IRequestStats)Activator.CreateInstance(stats)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"08.2\")", result.Message, StringComparison.Ordinal);
    }
}
