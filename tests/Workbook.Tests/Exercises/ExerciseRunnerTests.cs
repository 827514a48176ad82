using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

public sealed class ExerciseRunnerTests : IDisposable
{
    private readonly CheckHarness _harness = new(exercises: TestExercises.All);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_AnswerRuns_PassedWithConfirmation()
    {
        CheckResult result = _harness.Check("99.1", () => new DelegateProbe(() => { }));

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Equal("it ran", result.Message);
        Assert.Equal("PASSED 99.1 (Run once): it ran", _harness.Output.Trim());
    }

    [Fact]
    public void Check_AnswerThrowsInvalidOperation_FailedNamingTheException()
    {
        CheckResult result = _harness.Check("99.1", () => new DelegateProbe(() => throw new InvalidOperationException("queue is closed")));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("InvalidOperationException", result.Message, StringComparison.Ordinal);
        Assert.Contains("queue is closed", result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"99.1\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StubThrowsNotImplemented_NotAttempted()
    {
        CheckResult result = _harness.Check("99.1", () => new DelegateProbe(() => throw new NotImplementedException()));

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
        Assert.StartsWith("NOT ATTEMPTED YET 99.1", _harness.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConstructorThrowsNotImplemented_NotAttempted()
    {
        CheckResult result = _harness.Check<IProbe>("99.1", () => throw new NotImplementedException());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_OneWorkerThreadThrowsNotImplemented_NotAttempted()
    {
        int calls = 0;
        CheckResult result = _harness.Check("99.2", () => new DelegateProbe(() =>
        {
            if (Interlocked.Increment(ref calls) == 3)
            {
                throw new NotImplementedException();
            }
        }));

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_NotImplementedWrappedInAggregateFromTasks_NotAttempted()
    {
        CheckResult result = _harness.Check("99.1", () => new DelegateProbe(() =>
            Task.WaitAll(Task.Run(() => { }), Task.Run(() => throw new NotImplementedException()))));

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_WorkerThrowsArgumentException_FailedNamingIt()
    {
        CheckResult result = _harness.Check("99.2", () => new DelegateProbe(() => throw new ArgumentException("bad index")));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("ArgumentException", result.Message, StringComparison.Ordinal);
        Assert.Contains("bad index", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CheckerFails_FailedWithItsMessageAndHintSuggestion()
    {
        CheckResult result = _harness.Check("99.3", () => new DelegateProbe(() => { }));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("expected 10 things, found 7: three went missing. Run Exercises.Hint(\"99.3\") for a nudge.", result.Message);
        Assert.Equal($"FAILED 99.3 (Always fails): {result.Message}", _harness.Output.Trim());
    }

    [Fact]
    public void Check_NeverEndingAnswer_FailsWithinTheShortTimeout()
    {
        using var release = new CancellationTokenSource();
        using var shortHarness = new CheckHarness(TimeSpan.FromSeconds(2), TestExercises.All);
        try
        {
            // Spins like an infinite loop, but stops when the test ends so it does not eat a core.
            CheckResult result = shortHarness.Check("99.1", () => new DelegateProbe(() =>
            {
                while (!release.IsCancellationRequested)
                {
                    Thread.SpinWait(1000);
                }
            }));

            Assert.Equal(CheckOutcome.Failed, result.Outcome);
            Assert.Contains("did not finish within 2 s: probable deadlock or infinite loop", result.Message, StringComparison.Ordinal);
        }
        finally
        {
            release.Cancel();
        }
    }

    [Fact]
    public void Check_DeadlockedWorkers_FailsWithinTheShortTimeout()
    {
        using var shortHarness = new CheckHarness(TimeSpan.FromSeconds(2), TestExercises.All);
        var never = new ManualResetEventSlim(false);

        CheckResult result = shortHarness.Check("99.2", () => new DelegateProbe(() => never.Wait()));

        never.Set();
        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("did not finish within 2 s", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownId_FailedListingKnownIds()
    {
        CheckResult result = _harness.Check("42.1", () => new DelegateProbe(() => { }));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("there is no exercise '42.1'", result.Message, StringComparison.Ordinal);
        Assert.Contains("99.1, 99.2, 99.3", result.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Store.Load());
    }

    [Fact]
    public void Check_FactoryMakesWrongType_FailedNamingBothTypes()
    {
        CheckResult result = _harness.Check("99.1", () => "not a probe");

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("needs a IProbe", result.Message, StringComparison.Ordinal);
        Assert.Contains("String", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FactoryReturnsNull_Failed()
    {
        CheckResult result = _harness.Check<IProbe?>("99.1", () => null);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("returned null", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NullFactory_FailedExplainingWhatToPass()
    {
        CheckResult result = _harness.Check<IProbe>("99.1", null!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("() => new YourClass()", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AnyOutcome_PrintsExactlyOneLine()
    {
        _harness.Check("99.1", () => new DelegateProbe(() => { }));
        _harness.Check("99.1", () => new DelegateProbe(() => throw new NotImplementedException()));
        _harness.Check("99.3", () => new DelegateProbe(() => { }));

        string[] lines = _harness.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("PASSED ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("NOT ATTEMPTED YET ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("FAILED ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EachOutcome_RecordedInProgress()
    {
        _harness.Check("99.1", () => new DelegateProbe(() => throw new NotImplementedException()));
        _harness.Check("99.1", () => new DelegateProbe(() => throw new InvalidOperationException()));
        _harness.Check("99.1", () => new DelegateProbe(() => { }));
        _harness.Check("99.1", () => new DelegateProbe(() => { }));

        ExerciseProgress progress = _harness.Store.Get("99.1");
        Assert.Equal((4, 2, 1, 1), (progress.Attempts, progress.Passes, progress.Failures, progress.NotAttempted));
        Assert.NotNull(progress.FirstPassed);
        Assert.True(progress.LastPassed >= progress.FirstPassed);
    }

    [Fact]
    public void Check_ProgressFileCannotBeWritten_StillReturnsTheOutcomeAndSaysSo()
    {
        string blocker = Path.Combine(_harness.Directory, "blocker");
        File.WriteAllText(blocker, "a file where a folder should be");
        var output = new StringWriter();
        var runner = new ExerciseRunner(new ExerciseRunnerOptions
        {
            Exercises = TestExercises.All,
            Progress = new ProgressStore(Path.Combine(blocker, "progress.json")),
            Output = output,
        });

        CheckResult result = runner.Check("99.1", () => new DelegateProbe(() => { }));

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("(Progress not saved to", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveTimeout_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExerciseRunner(new ExerciseRunnerOptions { Timeout = TimeSpan.Zero }));
}
