using Workbook.Processes;

namespace Workbook.Tests.Processes;

public sealed class ItemOutcomeTests
{
    [Fact]
    public void Success_FromResult_CarriesLabelAndValue()
    {
        var outcome = ItemOutcome.Success(new WorkResult("primes[0,10)", WorkOperation.CountPrimes, 4, null, 42, TimeSpan.Zero));

        Assert.True(outcome.Succeeded);
        Assert.Equal(("primes[0,10)", 4L), (outcome.Label, outcome.Value!.Value));
        Assert.Null(outcome.Error);
        Assert.Equal("primes[0,10) = 4", outcome.ToString());
    }

    [Fact]
    public void Failure_WithCrash_HasNoValueAndNamesTheException()
    {
        var crash = new WorkerCrashedException("crash", 134, 99, attempts: 2);

        var outcome = ItemOutcome.Failure(WorkItem.Crash(), crash);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Value);
        Assert.Same(crash, outcome.Error);
        Assert.StartsWith("crash FAILED (WorkerCrashedException): ", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ItemOutcome.Success(null!));
        Assert.Throws<ArgumentNullException>(() => ItemOutcome.Success(null!, 1));
        Assert.Throws<ArgumentNullException>(() => ItemOutcome.Failure(null!, new InvalidOperationException()));
        Assert.Throws<ArgumentNullException>(() => ItemOutcome.Failure(WorkItem.Crash(), null!));
    }
}
