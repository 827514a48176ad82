using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Processes;

/// <summary>
/// The check of exercise 02.1: every item runs once on the pool, the workers are busy at the same
/// time, and the values come back in input order although the items finish in another order.
/// </summary>
internal static class FanOutCheck
{
    /// <summary>Sleep items of distinct, uneven lengths: on two workers the short ones finish before the long first one.</summary>
    internal static readonly int[] Durations = [600, 60, 80, 50, 300, 70, 90, 40];

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    public static string Verify(Func<IFanOut> create, CheckContext context) =>
        VerifyAsync(create(), context).GetAwaiter().GetResult();

    /// <summary>The check's items: <c>item 0 (600 ms)</c>, <c>item 1 (60 ms)</c>, …; each one's value is its length.</summary>
    internal static IReadOnlyList<WorkItem> Items() =>
        [.. Durations.Select((ms, i) => WorkItem.Sleep(ms) with { Label = $"item {i} ({ms} ms)" })];

    private static async Task<string> VerifyAsync(IFanOut answer, CheckContext context)
    {
        IReadOnlyList<WorkItem> items = Items();
        await using CheckPool check = await CheckPool.StartAsync(context).ConfigureAwait(false);
        LearnerRun<long[]> run = await check.RunAsync((pool, token) => answer.RunAsync(pool, items, token), Bound).ConfigureAwait(false);
        if (!run.Finished)
        {
            context.Fail(
                $"RunAsync had not finished after {Duration(run.Elapsed)} ({run.Timeline.Count} of {items.Count} items done); "
                + $"the items need about {Duration(TimeSpan.FromMilliseconds(Durations.Sum()))} even one after another. "
                + "Is something waiting for a result that never comes?");
        }

        long[]? values = await run.Task.ConfigureAwait(false);
        context.Require(values is not null, "RunAsync returned null; return one value per item.");
        RequireEveryItemFinishedFirst(run.Timeline, items, context);
        RequireEachItemRanOnce(run.Timeline, items, context);
        RequireOverlap(run.Timeline, items, context);
        RequireInputOrder(values, run.Timeline, items, context);

        int peak = run.Timeline.MaxInFlight();
        return $"{items.Count} items of uneven length on {CheckPool.Workers} workers: each ran exactly once, up to {peak} at the same time, "
            + $"and the values came back in input order although the items finished in the order {FinishOrder(run.Timeline, items)}.";
    }

    private static void RequireEveryItemFinishedFirst(IReadOnlyList<ActivitySpan> timeline, IReadOnlyList<WorkItem> items, CheckContext context)
    {
        int done = items.Count(item => timeline.Any(span => span.Label == item.Label));
        context.Require(
            done == items.Count,
            $"your task completed when only {done} of {items.Count} items had finished, so the other results could not be in it yet. "
            + "Await all the item tasks (await Task.WhenAll(tasks)) before you read their values and return.");
    }

    private static void RequireEachItemRanOnce(IReadOnlyList<ActivitySpan> timeline, IReadOnlyList<WorkItem> items, CheckContext context)
    {
        foreach (WorkItem item in items)
        {
            int runs = timeline.Count(span => span.Label == item.Label);
            context.Require(
                runs == 1,
                $"'{item.Label}' ran {runs} times on the pool; submit each item exactly once (pool.RunAsync once per item) and keep its task.");
        }
    }

    private static void RequireOverlap(IReadOnlyList<ActivitySpan> timeline, IReadOnlyList<WorkItem> items, CheckContext context)
    {
        int peak = timeline.MaxInFlight();
        if (peak >= 2)
        {
            return;
        }

        TimeSpan busy = TimeSpan.FromTicks(timeline.Sum(span => span.Duration.Ticks));
        TimeSpan wall = timeline.Max(span => span.End) - timeline.Min(span => span.Start);
        context.Fail(
            $"the pool's timeline shows only one item running at any moment, although it has {CheckPool.Workers} workers: "
            + $"the {items.Count} items took {Duration(wall)}, end to end ({Duration(busy)} of work). "
            + "Awaiting each item before submitting the next keeps every other worker idle. "
            + "Start all the items first (one pool.RunAsync call each, no await yet), then await them together.");
    }

    private static void RequireInputOrder(long[] values, IReadOnlyList<ActivitySpan> timeline, IReadOnlyList<WorkItem> items, CheckContext context)
    {
        long[] expected = [.. items.Select(item => item.Argument)];
        context.Require(values.Length == expected.Length, $"RunAsync returned {values.Length} values for {expected.Length} items; return exactly one per item.");
        if (values.SequenceEqual(expected))
        {
            return;
        }

        int first = Enumerable.Range(0, expected.Length).First(i => values[i] != expected[i]);
        if (values.Order().SequenceEqual(expected.Order()))
        {
            // The finishing order is only a hint: the learner's own continuations may record two
            // near-simultaneous items the other way round on a busy machine, so the verdict does not depend on it.
            long[] finishOrder = [.. timeline.OrderBy(span => span.End).Select(span => items.First(item => item.Label == span.Label).Argument)];
            string exactly = values.SequenceEqual(finishOrder) ? " (exactly the order they finished here)" : "";
            context.Fail(
                $"the values are all there but not in input order{exactly}: values[{first}] is {values[first]}, yet items[{first}] is '{items[first].Label}' "
                + $"whose value is {expected[first]}. Input order was [{Join(expected)}]; you returned [{Join(values)}]. "
                + "Values added to a list as each item completes come back in the order the items FINISHED. "
                + "Keep the item tasks in an array in input order and read task i's result into slot i.");
        }

        context.Fail(
            $"values[{first}] is {values[first]}, but items[{first}] ('{items[first].Label}') returned {expected[first]}. "
            + $"Expected [{Join(expected)}]; you returned [{Join(values)}].");
    }

    private static string FinishOrder(IReadOnlyList<ActivitySpan> timeline, IReadOnlyList<WorkItem> items) =>
        string.Join(", ", timeline.OrderBy(span => span.End).Select(span => items.ToList().FindIndex(item => item.Label == span.Label)));

    private static string Join(IEnumerable<long> values) => string.Join(", ", values);
}
