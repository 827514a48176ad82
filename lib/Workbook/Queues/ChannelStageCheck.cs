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
internal static partial class ChannelStageCheck
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
}
