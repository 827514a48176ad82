using Workbook.Exercises;

namespace Workbook.Processes;

/// <summary>The exercises of chapter 02 (processes).</summary>
public sealed class ProcessesExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "02-processes";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IFanOut>(
            "02.1",
            ChapterName,
            "Fan out to every worker, gather in input order",
            [
                "A pool can only keep all its workers busy if it has several items at once. If you await one item before you submit the next, "
                    + "how many items does the pool ever hold? And once several run together, which one finishes first?",
                "Start every item first: one pool.RunAsync(item, cancellationToken) call per item, keeping the returned Task<WorkResult> in an array "
                    + "in input order, with no await in that loop. Then await them all together with Task.WhenAll. "
                    + "Task.WhenAll returns results in the order of the tasks you gave it, not the order they finished.",
                "Nearly the answer: Task<WorkResult>[] tasks = items.Select(item => pool.RunAsync(item, cancellationToken)).ToArray(); "
                    + "WorkResult[] results = await Task.WhenAll(tasks); return results.Select(r => r.Value).ToArray();",
            ],
            FanOutCheck.Verify),

        Exercise.Define<IReportingRunner>(
            "02.2",
            ChapterName,
            "Report every item, even when its worker crashes",
            [
                "await Task.WhenAll(tasks) throws as soon as one task failed, and then you have no results in hand at all. "
                    + "Where would a try/catch have to be so that one item's failure cannot take the other items' results with it?",
                "Give each item its own async function that awaits pool.RunAsync inside try/catch and always returns an ItemOutcome: "
                    + "ItemOutcome.Success(result) when it worked, ItemOutcome.Failure(item, exception) for WorkerCrashedException or "
                    + "WorkItemFailedException. Such a task never fails, so Task.WhenAll over them is safe. Do not retry: the pool already did.",
                "Nearly the answer: async Task<ItemOutcome> RunOne(WorkItem item) { try { return ItemOutcome.Success(await pool.RunAsync(item, cancellationToken)); } "
                    + "catch (Exception e) when (e is WorkerCrashedException or WorkItemFailedException) { return ItemOutcome.Failure(item, e); } } "
                    + "then return await Task.WhenAll(items.Select(RunOne));",
            ],
            ReportingCheck.Verify),
    ];
}
