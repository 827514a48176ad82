using Workbook.BalancingExercises;
using Workbook.Exercises;
using Workbook.Tests.Balancing.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Balancing;

public sealed class WeightedRoundRobinExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("07.1", () => new SmoothScheduleStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("07.1", () => new SmoothSchedule());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("every full cycle gave each backend exactly its weight", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Store.Get("07.1").Passes);
    }

    [Fact]
    public void Check_BurstySchedule_FailedNamingTheRun()
    {
        CheckResult result = _harness.Check("07.1", () => new BurstySchedule());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("weights 5:3:2", result.Message, StringComparison.Ordinal);
        Assert.Contains("backend 0 is picked 5 times in a row (picks 1-5)", result.Message, StringComparison.Ordinal);
        Assert.Contains("Interleave", result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"07.1\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WeightsDividedBySmallest_FailedSayingPartOfAWeightIsLost()
    {
        CheckResult result = _harness.Check("07.1", () => new DividedWeightsSchedule());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);

        // 2:1:1 happens to give 5:3:2 over the first ten picks; the second cycle gives it away.
        Assert.Contains("after 2 full cycles (20 picks) your backends had 10:5:5", result.Message, StringComparison.Ordinal);
        Assert.Contains("exact weighted round-robin gives 10:6:4", result.Message, StringComparison.Ordinal);
        Assert.Contains("integer division rounds down", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RandomInProportionToWeight_FailedSayingItIsNotAFixedSchedule()
    {
        CheckResult result = _harness.Check("07.1", () => new RandomWeightedSchedule());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("two fresh schedules for weights 5:3:2 differ", result.Message, StringComparison.Ordinal);
        Assert.Contains("only right on average", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeededRandomInProportionToWeight_FailedOnTheFirstCycle()
    {
        CheckResult result = _harness.Check("07.1", () => new SeededRandomWeightedSchedule());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("weights 5:3:2: after ", result.Message, StringComparison.Ordinal);
        Assert.Contains("exact weighted round-robin gives", result.Message, StringComparison.Ordinal);
    }
}
