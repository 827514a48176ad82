using System.Threading.Channels;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Queues;

/// <summary>
/// The check of exercise 06.1: a stage passes every item on exactly once, waits when its output is
/// full, completes its output only after its input is finished, and passes errors on.
/// </summary>
/// <remarks>
/// Four deterministic rounds, each with fresh channels and a fresh answer: a trickle (items in small
/// batches, so the input is often momentarily empty), a flood (the consumer stays away until the
/// stage has met a full output), a failing input, and failing work. Nothing is timed except the
/// patience for something that never happens.
/// </remarks>
internal static class ChannelStageCheck
{
    internal const int InputCapacity = 8;
    internal const int OutputCapacity = 4;
    internal const int TrickleItems = 30;
    internal const int TrickleBatch = 3;
    internal const int FloodItems = 500;
    internal const int BadItem = 4;
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>The work every round applies: easy to recognise in the output.</summary>
    internal static int Work(int item) => (3 * item) + 1;

    public static string Verify(Func<IChannelStage> create, CheckContext context) =>
        VerifyAsync(create, context).GetAwaiter().GetResult();

    private static async Task<string> VerifyAsync(Func<IChannelStage> create, CheckContext context)
    {
        await TrickleAsync(create(), context).ConfigureAwait(false);
        var (waits, heldAt) = await FloodAsync(create(), context).ConfigureAwait(false);
        await FailingInputAsync(create(), context).ConfigureAwait(false);
        await FailingWorkAsync(create(), context).ConfigureAwait(false);
        return $"{TrickleItems} items in small batches and {FloodItems} in a flood all came out exactly once, as work(item). "
            + $"With nobody reading, your stage waited for room {Count(waits)} times and the producer was held after {heldAt} items "
            + $"({OutputCapacity} in the full output, {InputCapacity} in the full input, {heldAt - OutputCapacity - InputCapacity} in your stage's hands): backpressure. "
            + "The output was completed only after the input, and a failed input and a throwing work(item) were both passed on.";
    }

    /// <summary>Items arrive three at a time and each batch is collected before the next goes in.</summary>
    private static async Task TrickleAsync(IChannelStage answer, CheckContext context)
    {
        // The first batch is waiting before the stage starts, so every answer sees the same beginning.
        await using var run = StageRun.Start(answer, Work, context.CancellationToken, preload: Enumerable.Range(1, TrickleBatch));
        var seen = new List<int>();
        for (var first = 1; first <= TrickleItems; first += TrickleBatch)
        {
            var last = first + TrickleBatch - 1;
            for (var item = Math.Max(first, TrickleBatch + 1); item <= last; item++)
            {
                await run.Input.Writer.WriteAsync(item, context.CancellationToken).ConfigureAwait(false);
            }

            while (seen.Count < last)
            {
                var next = await run.Output.NextAsync().ConfigureAwait(false);
                switch (next.Event)
                {
                    case StageEvent.Item:
                        seen.Add(next.Item);
                        break;
                    case StageEvent.Faulted:
                        context.Fail($"your stage failed its output after {seen.Count} of {TrickleItems} items ({Describe(next.Error)}), although nothing had gone wrong.");
                        break;
                    case StageEvent.Completed:
                        context.Fail(
                            $"your stage completed its output after {seen.Count} of {TrickleItems} items, while the input was still open "
                            + $"(items {first}-{last} had just gone in and more were coming). An input that is empty for a moment is not a finished input: "
                            + "the items written after that are lost. Keep reading until the input is completed (await foreach over input.ReadAllAsync), and only then complete the output.");
                        break;
                    case StageEvent.StageReturned:
                        context.Fail(
                            $"RunAsync returned after {seen.Count} of {TrickleItems} items came out, while the input was still open and the output was never completed. "
                            + "Keep reading until the input is completed (await foreach over input.ReadAllAsync), and await your loop inside RunAsync.");
                        break;
                    default:
                        context.Fail(
                            $"after items {first}-{last} went in, only {seen.Count - (first - 1)} of them came out within {Duration(Patience)}, although the output had room. "
                            + "Is your stage reading the input and writing work(item) to the output for every item?");
                        break;
                }
            }
        }

        run.Input.Writer.Complete();
        var end = await run.Output.NextAsync().ConfigureAwait(false);
        switch (end.Event)
        {
            case StageEvent.Item:
                context.Fail($"after all {TrickleItems} items had come out, an extra item {end.Item} came out: every input item must come out exactly once.");
                break;
            case StageEvent.Faulted:
                context.Fail($"the input completed normally, but your stage completed its output with an error ({Describe(end.Error)}).");
                break;
            case StageEvent.StageReturned:
                context.Fail(
                    $"the output never completed: the input was completed and all {TrickleItems} items came out, then RunAsync returned without completing the output. "
                    + "The next stage would wait for more items forever. Call output.Complete() when your read loop ends.");
                break;
            case StageEvent.Silent:
                context.Fail(
                    $"the output never completed: the input was completed and all {TrickleItems} items came out, but {Duration(Patience)} later the output was still open. "
                    + "The next stage would wait for more items forever. Call output.Complete() when your read loop ends.");
                break;
        }

        RequireSame(context, "In the trickle round", seen, 1, TrickleItems, failedTryWrites: 0);
        await run.RequireFinishedAsync(context, "the trickle round").ConfigureAwait(false);
    }

    /// <summary>All items at once; the consumer stays away until everything upstream of it is full or the stage has stopped.</summary>
    private static async Task<(int Waits, int HeldAt)> FloodAsync(IChannelStage answer, CheckContext context)
    {
        var output = Channel.CreateBounded<int>(OutputCapacity);
        var observed = new ObservedWriter<int>(output.Writer);
        await using var run = StageRun.Start(answer, Work, observed, output.Reader, context.CancellationToken);
        var written = 0;
        var waitingToWrite = 0;
        var producer = Task.Run(
            async () =>
            {
                for (var item = 1; item <= FloodItems; item++)
                {
                    // When the input is full this waits: the producer moves only as fast as the stage reads.
                    var write = run.Input.Writer.WriteAsync(item, run.Token);
                    if (!write.IsCompleted)
                    {
                        Volatile.Write(ref waitingToWrite, item);
                    }

                    await write.ConfigureAwait(false);
                    Volatile.Write(ref written, item);
                }

                run.Input.Writer.Complete();
            },
            run.Token);

        // Nobody reads until the stage has met the full output (a correct one is then parked in WriteAsync
        // with one item in hand), the input is full and the producer is parked on its next item; or until
        // the stage or the producer stops. Then the number written shows exactly where backpressure held it.
        bool BackedUp() =>
            observed.Full.IsCompleted
            && output.Reader.Count == OutputCapacity && run.Input.Reader.Count == InputCapacity
            && Volatile.Read(ref waitingToWrite) == Volatile.Read(ref written) + 1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!BackedUp() && !run.Stage.IsCompleted && !producer.IsCompleted && clock.Elapsed < Patience)
        {
            await Task.Delay(1, context.CancellationToken).ConfigureAwait(false);
        }

        var heldAt = Volatile.Read(ref written);
        var seen = new List<int>();
        while (true)
        {
            var next = await run.Output.NextAsync().ConfigureAwait(false);
            if (next.Event == StageEvent.Item)
            {
                seen.Add(next.Item);
                continue;
            }

            if (next.Event is StageEvent.Completed)
            {
                break;
            }

            RequireSame(context, "In the flood round", seen, 1, FloodItems, observed.FailedTryWrites, onlyDropped: true);
            context.Fail(next.Event switch
            {
                StageEvent.Faulted => $"in the flood round your stage completed its output with an error ({Describe(next.Error)}) although nothing had failed.",
                StageEvent.StageReturned => $"in the flood round RunAsync returned after {seen.Count} of {FloodItems} items without completing the output.",
                _ => $"in the flood round nothing came out for {Duration(Patience)} after {seen.Count} of {FloodItems} items, and the output was not completed.",
            });
        }

        RequireSame(context, "In the flood round", seen, 1, FloodItems, observed.FailedTryWrites);
        await run.RequireFinishedAsync(context, "the flood round").ConfigureAwait(false);
        await producer.WaitAsync(Patience, context.CancellationToken).ConfigureAwait(false);
        return (observed.Waits, heldAt);
    }

    /// <summary>The stage before fails after three items: the error must reach the next stage.</summary>
    private static async Task FailingInputAsync(IChannelStage answer, CheckContext context)
    {
        await using var run = StageRun.Start(answer, Work, context.CancellationToken);
        var upstream = new InvalidOperationException($"the stage before failed at item {BadItem}");
        for (var item = 1; item < BadItem; item++)
        {
            await run.Input.Writer.WriteAsync(item, context.CancellationToken).ConfigureAwait(false);
        }

        run.Input.Writer.Complete(upstream);
        var seen = await CollectAsync(run).ConfigureAwait(false);
        RequireErrorPassedOn(context, seen.Last, upstream, $"the input was completed with an error ('{upstream.Message}')");
        RequireSame(context, "When the input failed", seen.Items, 1, BadItem - 1, failedTryWrites: 0);
        await run.WaitQuietlyAsync().ConfigureAwait(false);
    }

    /// <summary>work(item) throws for one item: the stage must stop and pass that error on.</summary>
    private static async Task FailingWorkAsync(IChannelStage answer, CheckContext context)
    {
        var bad = new FormatException($"work failed on item {BadItem}");
        int Failing(int item) => item == BadItem ? throw bad : Work(item);
        await using var run = StageRun.Start(answer, Failing, context.CancellationToken);
        for (var item = 1; item <= BadItem + 2; item++)
        {
            await run.Input.Writer.WriteAsync(item, context.CancellationToken).ConfigureAwait(false);
        }

        run.Input.Writer.Complete();
        var seen = await CollectAsync(run).ConfigureAwait(false);
        RequireErrorPassedOn(context, seen.Last, bad, $"work(item) threw for item {BadItem} ('{bad.Message}')");
        var beforeBad = seen.Items.Where(x => x != Work(BadItem + 1) && x != Work(BadItem + 2)).ToList();
        RequireSame(context, "When work(item) threw", beforeBad, 1, BadItem - 1, failedTryWrites: 0);
        await run.WaitQuietlyAsync().ConfigureAwait(false);
    }

    private static async Task<(List<int> Items, StageObservation Last)> CollectAsync(StageRun run)
    {
        var items = new List<int>();
        while (true)
        {
            var next = await run.Output.NextAsync().ConfigureAwait(false);
            if (next.Event != StageEvent.Item)
            {
                return (items, next);
            }

            items.Add(next.Item);
        }
    }

    private static void RequireErrorPassedOn(CheckContext context, StageObservation last, Exception cause, string what)
    {
        switch (last.Event)
        {
            case StageEvent.Completed:
                context.Fail(
                    $"{what}, but your stage completed its output normally, so the next stage would believe every item had arrived. "
                    + "Catch the exception and pass it on: output.Complete(exception).");
                break;
            case StageEvent.StageReturned or StageEvent.Silent:
                context.Fail(
                    $"{what}, but your stage never completed its output, so the next stage would wait forever. "
                    + "Catch the exception and pass it on: output.Complete(exception).");
                break;
            case StageEvent.Faulted when !Carries(last.Error, cause):
                context.Fail($"{what}, and your stage failed its output with a different error ({Describe(last.Error)}): pass the original exception on.");
                break;
        }
    }

    /// <summary>Compares what came out with work(first..last) and names the first difference.</summary>
    private static void RequireSame(CheckContext context, string round, IReadOnlyList<int> seen, int first, int last, int failedTryWrites, bool onlyDropped = false)
    {
        var expected = Enumerable.Range(first, last - first + 1).Select(Work).ToList();
        var remaining = expected.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var extra = new List<int>();
        foreach (var item in seen)
        {
            if (remaining.TryGetValue(item, out var count) && count > 0)
            {
                remaining[item] = count - 1;
            }
            else
            {
                extra.Add(item);
            }
        }

        var missing = remaining.Where(kv => kv.Value > 0).Select(kv => kv.Key).Order().ToList();
        if (missing.Count > 0 && failedTryWrites > 0)
        {
            context.Fail(
                $"{round.ToLowerInvariant()} {Count(missing.Count)} of {Count(expected.Count)} items never came out "
                + $"(first missing: work({(missing[0] - 1) / 3}) = {missing[0]}), and TryWrite returned false {Count(failedTryWrites)} times because the output was full. "
                + "TryWrite does not wait: when it returns false the item is simply not written, so your stage dropped it. "
                + "Use await output.WriteAsync(result, cancellationToken), which waits for room.");
        }

        if (onlyDropped)
        {
            return;
        }

        if (missing.Count > 0 && extra.Count > 0 && extra.Take(3).All(x => x is >= 1 && x <= last && !expected.Contains(x)))
        {
            context.Fail($"{round.ToLowerInvariant()} item {first} came out as {seen[0]}, but work({first}) = {Work(first)}: write work(item), not the item itself.");
        }

        context.Require(
            missing.Count == 0,
            $"{round.ToLowerInvariant()} {Count(missing.Count)} of {Count(expected.Count)} items never came out (first missing: work({(missing.FirstOrDefault() - 1) / 3}) = {missing.FirstOrDefault()}).");
        context.Require(
            extra.Count == 0,
            $"{round.ToLowerInvariant()} {Count(extra.Count)} unexpected items came out (first: {extra.FirstOrDefault()}): every input item must come out exactly once, as work(item).");
    }

    private static bool Carries(Exception? error, Exception cause)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (ReferenceEquals(e, cause) || (e.GetType() == cause.GetType() && e.Message == cause.Message))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => Carries(inner, cause)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Exception? error) => error is null ? "no exception" : $"{error.GetType().Name}: {error.Message}";
}
