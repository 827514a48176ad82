using Workbook.Runner.Execution;
using Workbook.Tests.Runner;
using Workbook.Tests.Support;

namespace Workbook.Tests.Reliability;

/// <summary>
/// Hangs become failures. A learner's answer that deadlocks or never completes makes the exercise
/// check report FAILED with a reason inside the check's own time limit, and the notebook goes on: the
/// next cell runs. A cell that itself never ends is stopped at the runner's cell timeout, and the rest
/// of the notebook (every later pass included) is reported as skipped, with the reason.
/// </summary>
[Collection(RunnerCollection.Name)]
public class ExerciseHangTests
{
    private const string LockInArgumentOrder = """
        // A typical wrong answer to 01.3: locks taken in argument order, so opposite transfers deadlock.
        public sealed class ArgumentOrderBank : IBank
        {
            public void Transfer(Account from, Account to, decimal amount)
            {
                lock (from.Sync) { lock (to.Sync) { from.Balance -= amount; to.Balance += amount; } }
            }
        }
        Exercises.Check("01.3", () => new ArgumentOrderBank());
        """;

    private const string NeverCompletes = """
        // A wrong answer to 03.2: starts every replica, then returns a task that never completes.
        public sealed class NeverAnswers : IReplicaRace
        {
            public Task<T> FirstOrTimeoutAsync<T>(IReadOnlyList<Func<CancellationToken, Task<T>>> replicas, TimeSpan timeout, CancellationToken cancellationToken)
            {
                foreach (var start in replicas) _ = start(cancellationToken);
                return new TaskCompletionSource<T>().Task;
            }
        }
        Exercises.Check("03.2", () => new NeverAnswers());
        """;

    private const string BlocksForever = """
        // A wrong answer to 01.1 that blocks its caller for good: only the check's overall time limit can end it.
        public sealed class StuckCounter : ICounter
        {
            public void Increment() { }
            public long Value { get { Thread.Sleep(Timeout.Infinite); return 0; } }
        }
        Exercises.Check("01.1", () => new StuckCounter());
        """;

    [Fact]
    public async Task Check_DeadlockingOrNeverEndingAnswers_FailWithReasonAndNextCellRuns()
    {
        using var temp = new TempFolder();
        var dib = SyntheticNotebook.Cells(
            SyntheticNotebook.ReferenceLibrary,
            "using System.Threading; using System.Threading.Tasks; using Workbook.Threads; using Workbook.Async; using Workbook.Exercises;",
            LockInArgumentOrder,
            NeverCompletes,
            BlocksForever,
            "Console.WriteLine(\"the next cell ran\");");

        // A generous cell timeout: if a check hung instead of failing, its cell would time out and the
        // later cells would be skipped, which the assertions below would catch.
        var outcome = await SyntheticNotebook.RunAsync(temp, dib, cellTimeoutSeconds: 120);

        Assert.All(outcome.Cells, c => Assert.True(c.Status == CellStatus.Passed, $"cell {c.Number}: {c.Status} {c.Error}"));
        var printed = SyntheticNotebook.Printed(outcome);
        Assert.StartsWith("FAILED 01.3", printed[2]);
        Assert.Contains("deadlock", printed[2]);
        Assert.StartsWith("FAILED 03.2", printed[3]);
        Assert.Contains("had not finished", printed[3]);
        Assert.StartsWith("FAILED 01.1", printed[4]);
        Assert.Contains($"did not finish within {ExerciseRunnerSeconds} s", printed[4]);
        Assert.Equal("the next cell ran", printed[5].Trim());
    }

    [Fact]
    public async Task Run_CellNeverEndsWithRepeat_TimesOutAndEveryLaterCellSkippedWithReason()
    {
        using var temp = new TempFolder();
        var outcome = await SyntheticNotebook.RunAsync(temp, SyntheticNotebook.Cells("1", "while (true) { }", "2"), cellTimeoutSeconds: 10, repeat: 2);

        Assert.Equal(
            [(1, CellStatus.Passed), (1, CellStatus.TimedOut), (1, CellStatus.Skipped), (2, CellStatus.Skipped), (2, CellStatus.Skipped), (2, CellStatus.Skipped)],
            outcome.Cells.Select(c => (c.Pass, c.Status)));
        Assert.Contains("did not finish within 10 s", outcome.Cells[1].Error);
        Assert.Contains("later cells are skipped", outcome.Cells[1].Error);
        Assert.All(outcome.Cells.Skip(2), c => Assert.Equal("not run: an earlier cell never finished", c.Error));
        var table = SummaryTable.Format(new RunReport([outcome], outcome.Seconds, null));
        Assert.Contains("cell 2 (pass 2): Skipped", table);
    }

    private static int ExerciseRunnerSeconds => (int)Workbook.Exercises.ExerciseRunner.DefaultTimeout.TotalSeconds;
}
