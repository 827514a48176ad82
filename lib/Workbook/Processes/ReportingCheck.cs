using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Processes;

/// <summary>
/// The check of exercise 02.2: among normal items, one crashes its worker (every time) and one
/// throws inside its worker. Every item must get an outcome in input order: values for the normal
/// ones, the pool's exception for the two bad ones, without retrying past the pool's own retry.
/// </summary>
internal static class ReportingCheck
{
    internal const int CrashIndex = 2;
    internal const int ThrowIndex = 5;
    internal const string ThrowMessage = "bad input in item 5";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    // The pool's default: one retry on a fresh worker, so a crash item may run twice.
    private static readonly int AllowedCrashRuns = new ProcessPoolOptions().MaxRetries + 1;

    // Seeing this many crashes of one item means the answer retries after the pool gave up: stop early.
    private static readonly int GiveUpAfterCrashRuns = AllowedCrashRuns + 3;

    public static string Verify(Func<IReportingRunner> create, CheckContext context) =>
        VerifyAsync(create(), context).GetAwaiter().GetResult();

    /// <summary>Sleep items (value = length), with a crash at <see cref="CrashIndex"/> and a throw at <see cref="ThrowIndex"/>.</summary>
    internal static IReadOnlyList<WorkItem> Items()
    {
        int[] durations = [200, 60, 0, 120, 80, 0, 50, 90];
        return
        [
            .. durations.Select((ms, i) => i switch
            {
                CrashIndex => WorkItem.Crash() with { Label = $"item {i} (crashes its worker)" },
                ThrowIndex => WorkItem.Throw(ThrowMessage) with { Label = $"item {i} (throws)" },
                _ => WorkItem.Sleep(ms) with { Label = $"item {i} ({ms} ms)" },
            }),
        ];
    }

    private static async Task<string> VerifyAsync(IReportingRunner answer, CheckContext context)
    {
        IReadOnlyList<WorkItem> items = Items();
        string crashLabel = items[CrashIndex].Label;
        await using CheckPool check = await CheckPool.StartAsync(context).ConfigureAwait(false);
        LearnerRun<ItemOutcome[]> run = await check.RunAsync(
            (pool, token) => answer.RunReportingAsync(pool, items, token),
            Bound,
            pool => CrashRuns(pool.Timeline, crashLabel) >= GiveUpAfterCrashRuns).ConfigureAwait(false);

        int crashRuns = CrashRuns(run.Timeline, crashLabel);
        RequireNoEndlessRetry(run, crashRuns, context);
        ItemOutcome[]? outcomes = await AwaitOutcomesAsync(run, items, context).ConfigureAwait(false);
        context.Require(outcomes is not null, "RunReportingAsync returned null; return one ItemOutcome per item.");
        context.Require(
            outcomes.Length == items.Count,
            $"RunReportingAsync returned {outcomes.Length} outcomes for {items.Count} items: nothing may be dropped, one outcome per item.");
        for (int i = 0; i < items.Count; i++)
        {
            RequireOutcome(i, items[i], outcomes[i], context);
        }

        context.Require(
            crashRuns <= AllowedCrashRuns,
            $"'{crashLabel}' was started {crashRuns} times and took {crashRuns} worker processes down with it. The pool had already retried it "
            + $"once on a fresh worker (WorkerCrashedException.Attempts = {AllowedCrashRuns}); an item that crashes every worker will not get better. "
            + "Report it instead of retrying it again.");
        int throwRuns = run.Timeline.Count(span => span.Label == items[ThrowIndex].Label);
        context.Require(
            throwRuns == 1,
            $"'{items[ThrowIndex].Label}' ran {throwRuns} times; an item that throws inside a healthy worker gives the same error every time. Report it once.");
        int peak = run.Timeline.MaxInFlight();
        context.Require(
            peak >= 2,
            $"the outcomes are right, but the pool's timeline shows only one item running at a time on {CheckPool.Workers} workers. "
            + "Start every item first and then await them, as in exercise 02.1, with the try/catch inside each item's own async lambda.");

        var crash = (WorkerCrashedException)outcomes[CrashIndex].Error!;
        return $"{items.Count} items, one crashing its worker ({crash.Attempts} attempts, exit code {crash.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}) "
            + $"and one throwing: {outcomes.Count(o => o.Succeeded)} values and 2 reported failures, in input order, up to {peak} items at once, nothing lost.";
    }

    private static void RequireNoEndlessRetry(LearnerRun<ItemOutcome[]> run, int crashRuns, CheckContext context)
    {
        if (run.Finished)
        {
            return;
        }

        context.Require(
            crashRuns <= AllowedCrashRuns,
            $"after {Duration(run.Elapsed)} your method was still running and the crashing item had been started {crashRuns} times, "
            + $"killing a worker process each time. The pool gave up after {AllowedCrashRuns} attempts and said so with a WorkerCrashedException; "
            + "retrying after that never ends for an item that crashes every worker. Catch the exception and report it.");
        context.Fail(
            $"RunReportingAsync had not finished after {Duration(run.Elapsed)} ({run.Timeline.Count} item runs recorded). "
            + "Is something waiting for a result that never comes?");
    }

    private static async Task<ItemOutcome[]?> AwaitOutcomesAsync(LearnerRun<ItemOutcome[]> run, IReadOnlyList<WorkItem> items, CheckContext context)
    {
        try
        {
            return await run.Task.ConfigureAwait(false);
        }
        catch (Exception error) when (OutcomeClassifier.Flatten(error).FirstOrDefault(e => e is WorkerCrashedException or WorkItemFailedException) is { } escaped)
        {
            int good = items.Count - 2;
            context.Fail(
                $"a {escaped.GetType().Name} escaped from RunReportingAsync ('{escaped.Message}'). The caller got no outcomes at all, so the "
                + $"{good} items that did succeed were lost along with the failures. Task.WhenAll throws as soon as you await it if any item "
                + "failed; catch the failure per item (a try/catch around each item's await) and turn it into ItemOutcome.Failure.");
            return null;
        }
    }

    private static void RequireOutcome(int index, WorkItem item, ItemOutcome? outcome, CheckContext context)
    {
        context.Require(outcome is not null, $"outcomes[{index}] is null; every item needs an outcome.");
        context.Require(
            outcome.Label == item.Label,
            $"outcomes[{index}] is for '{outcome.Label}', but items[{index}] is '{item.Label}'. Keep the outcomes in input order.");
        switch (index)
        {
            case CrashIndex:
                context.Require(
                    !outcome.Succeeded,
                    $"'{item.Label}' is reported as a success with value {outcome.Value}, but its worker crashed: there is no value. "
                    + "Swallowing the crash as a made-up value hides the failure from the caller; report it with ItemOutcome.Failure(item, exception).");
                context.Require(
                    outcome.Error is WorkerCrashedException,
                    $"'{item.Label}' is reported with a {outcome.Error!.GetType().Name}; pass on the WorkerCrashedException the pool raised, "
                    + "which says which worker died, with what exit code, after how many attempts.");
                break;
            case ThrowIndex:
                context.Require(
                    !outcome.Succeeded,
                    $"'{item.Label}' is reported as a success with value {outcome.Value}, but it threw '{ThrowMessage}' in its worker. "
                    + "Report it with ItemOutcome.Failure(item, exception).");
                context.Require(
                    outcome.Error is WorkItemFailedException,
                    $"'{item.Label}' is reported with a {outcome.Error!.GetType().Name}; pass on the WorkItemFailedException the pool raised.");
                break;
            default:
                if (outcome.Error is { } error)
                {
                    context.Fail($"'{item.Label}' should have succeeded, but is reported as failed: {error.Message}");
                }

                context.Require(
                    outcome.Value == item.Argument,
                    $"'{item.Label}' should have the value {item.Argument}, but its outcome says {outcome.Value}.");
                break;
        }
    }

    private static int CrashRuns(IReadOnlyList<ActivitySpan> timeline, string label) =>
        timeline.Count(span => span.Label == label && span.Outcome == ActivityOutcome.Crashed);
}
