using Workbook.Async;
using Workbook.Exercises;
using Workbook.Tests.Async.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Async;

public sealed class ReplicaRaceExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("03.2", () => new ReplicaRaceStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("03.2", () => new ReplicaRace());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("the other two were cancelled", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(NoCancelRace), "never cancelled the token of replica 0 and replica 2")]
    [InlineData(typeof(FirstFinisherRace), "threw replica 0's ReplicaDownException")]
    [InlineData(typeof(SwallowingRace), "returned 0 although all 3 replicas failed")]
    [InlineData(typeof(IgnoresTimeoutRace), "start a timer for the timeout")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type race, string expected)
    {
        CheckResult result = _harness.Check("03.2", () => (IReplicaRace)Activator.CreateInstance(race)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
