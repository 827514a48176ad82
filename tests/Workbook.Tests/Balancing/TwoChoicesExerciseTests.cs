using Workbook.BalancingExercises;
using Workbook.Exercises;
using Workbook.Tests.Balancing.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Balancing;

public sealed class TwoChoicesExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("07.3", () => new TwoDistinctChoicesStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("07.3", () => new TwoDistinctChoices());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("never the busiest", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(IndependentDraws), "random.Next(n - 1)")]
    [InlineData(typeof(AlwaysFirstSample), "ignoring the loads")]
    [InlineData(typeof(KeepsTheBusier), "the comparison is the wrong way round")]
    public void Check_WrongRuleOverTwoBackends_FailedWithItsDiagnosis(Type answer, string diagnosis)
    {
        CheckResult result = _harness.Check("07.3", () => (ITwoChoices)Activator.CreateInstance(answer)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("two backends, one with 3 requests outstanding and one idle: you chose the busy one", result.Message, StringComparison.Ordinal);
        Assert.Contains(diagnosis, result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"07.3\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IndependentDraws_ShareOfBusyChoicesIsAboutAQuarter()
    {
        CheckResult result = _harness.Check("07.3", () => new IndependentDraws());

        // 1 in 4 pairs of independent draws is (busy, busy); the message quotes the measured share.
        var match = System.Text.RegularExpressions.Regex.Match(result.Message, @"\((\d+\.\d)%\)");
        Assert.True(match.Success, result.Message);
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 20, 30);
    }

    [Fact]
    public void Check_FullScanForLeastLoaded_FailedSayingItIsLeastConnections()
    {
        CheckResult result = _harness.Check("07.3", () => new ScansForLeastLoaded());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("you chose the idle backend 100.0% of the time", result.Message, StringComparison.Ordinal);
        Assert.Contains("that is least connections", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TiesToLowerIndex_FailedOnEqualLoads()
    {
        CheckResult result = _harness.Check("07.3", () => new TiesToLowerIndex());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("four backends with equal loads", result.Message, StringComparison.Ordinal);
        Assert.Contains("On a tie keep the FIRST sample", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IgnoresTheGivenRandom_FailedSayingSeededRunsMustRepeat()
    {
        CheckResult result = _harness.Check("07.3", () => new UsesSharedRandom());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("Draw your samples from the Random you are given", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoGuardForASingleBackend_FailedNamingTheCase()
    {
        CheckResult result = _harness.Check("07.3", () => new NoSingleBackendGuard());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("with a single backend your Choose threw", result.Message, StringComparison.Ordinal);
    }
}
