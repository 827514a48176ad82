using Workbook.BalancingExercises;
using Workbook.Exercises;
using Workbook.Tests.Balancing.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Balancing;

public sealed class LeastConnectionsExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("07.2", () => new FewestOutstandingStub(backends: 4));

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("07.2", () => new FewestOutstanding(backends: 4));

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("every count came back to exactly 0", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReferenceSolutionOverTwoBackends_Passed()
    {
        CheckResult result = _harness.Check("07.2", () => new FewestOutstanding(backends: 2));

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
    }

    [Fact]
    public void Check_BalancerThatNeverDecrements_FailedSayingSo()
    {
        CheckResult result = _harness.Check("07.2", () => new NeverDecrements());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("Outstanding(0) is still 3 (expected 2): your balancer never decrements", result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"07.2\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DecrementsOnlyOnSuccess_FailedOnTheFailedRequest()
    {
        CheckResult result = _harness.Check("07.2", () => new DecrementsOnlyOnSuccess());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("a request on backend 1 FAILED, and Outstanding(1) is still 3 (expected 2): you only decrement on success", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DecrementsOnEveryEnding_FailedSayingTheRequestWasSubtractedTwice()
    {
        CheckResult result = _harness.Check("07.2", () => new DecrementsOnEveryEnding());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("Complete was called a second time on the same ticket, and Outstanding(1) went from 1 to 0", result.Message, StringComparison.Ordinal);
        Assert.Contains("subtracted twice", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PicksTheMostLoaded_FailedNamingTheIdleBackend()
    {
        CheckResult result = _harness.Check("07.2", () => new PicksMostLoaded());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("pick #2 went to backend 0, which had 1 outstanding, while backend 1 had only 0", result.Message, StringComparison.Ordinal);
        Assert.Contains("FEWEST", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NeverIncrements_FailedSayingToCountThePick()
    {
        CheckResult result = _harness.Check("07.2", () => new NeverIncrements());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("but Outstanding(0) says 0", result.Message, StringComparison.Ordinal);
        Assert.Contains("Count the request on its backend when you pick it", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SingleBackend_FailedAskingForMore()
    {
        CheckResult result = _harness.Check("07.2", () => new FewestOutstanding(backends: 1));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("Count = 1", result.Message, StringComparison.Ordinal);
    }
}
