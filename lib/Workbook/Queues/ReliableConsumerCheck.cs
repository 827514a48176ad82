using System.Globalization;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Queues;

/// <summary>
/// The check of exercise 06.2: a consumer acknowledges only after processing, finishes its own
/// pending messages after a restart, and takes over what a dead consumer left behind, but only
/// once it has been idle long enough.
/// </summary>
/// <remarks>
/// Three deterministic rounds on an <see cref="InProcessQueue"/> driven by a <see cref="ManualClock"/>:
/// steady work, a crash in the middle of a batch followed by a restart under the same name, and a
/// crash after which another consumer must take over.
/// </remarks>
internal static class ReliableConsumerCheck
{
    internal const int SteadyMessages = 25;
    internal const int CrashMessages = 30;
    internal const int CrashOnCall = 5;
    internal const int TakeoverMessages = 20;
    private const int RedeliveryLimit = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public static string Verify(Func<IReliableConsumer> create, CheckContext context) =>
        VerifyAsync(create, context).GetAwaiter().GetResult();

    private static async Task<string> VerifyAsync(Func<IReliableConsumer> create, CheckContext context)
    {
        await SteadyAsync(create, context).ConfigureAwait(false);
        var (crashedOn, heldAtCrash, twice) = await CrashAndRestartAsync(create, context).ConfigureAwait(false);
        var (heldByA, waited) = await TakeoverAsync(create, context).ConfigureAwait(false);
        return $"{SteadyMessages} messages were each handled once and acknowledged. The consumer crashed while handling message {crashedOn} "
            + $"holding {heldAtCrash} unacknowledged messages; restarted, it finished them first ({twice} were handled twice: at-least-once delivery, "
            + $"which is why handlers must be idempotent). Consumer B left the {heldByA} messages of crashed consumer A alone while they were fresh, "
            + $"and took them over once they had been idle for {Duration(waited)} (on the checker's fake clock). Nothing was lost and nothing is left pending.";
    }

    private static async Task SteadyAsync(Func<IReliableConsumer> create, CheckContext context)
    {
        var handler = new CheckHandler();
        await using var queue = await NewQueueAsync(handler, SteadyMessages, new ManualClock()).ConfigureAwait(false);
        await DrainAsync(create(), queue, "A", handler, context, "with one consumer and no crash").ConfigureAwait(false);
        context.Require(
            handler.CompletedCount == SteadyMessages,
            $"PollAsync returned 0 while {SteadyMessages - handler.CompletedCount} of {SteadyMessages} new messages had never been handled: "
                + "read new messages with queue.ReadNewAsync(name, IReliableConsumer.BatchSize) and handle each one.");
        var pending = await queue.PendingCountAsync(context.CancellationToken).ConfigureAwait(false);
        context.Require(
            pending == 0,
            $"all {SteadyMessages} messages were handled, but {pending} are still pending: they were never acknowledged. "
                + "The broker keeps every unacknowledged message, so the pending list grows without end and a restart would process them all again. "
                + "After handling a batch, call queue.AckAsync with its ids.");
    }

    private static async Task<(string CrashedOn, int Held, int Twice)> CrashAndRestartAsync(Func<IReliableConsumer> create, CheckContext context)
    {
        var handler = new CheckHandler();
        await using var queue = await NewQueueAsync(handler, CrashMessages, new ManualClock()).ConfigureAwait(false);
        handler.CrashOnCall(CrashOnCall);
        await RunUntilCrashAsync(create(), queue, "A", handler, context).ConfigureAwait(false);
        var held = (await queue.Inner.ReadPendingAsync("A", CrashMessages, context.CancellationToken).ConfigureAwait(false)).Count;

        handler.Restart();
        await DrainAsync(create(), queue, "A", handler, context, "after the restart").ConfigureAwait(false);
        var lost = Lost(queue, handler);
        if (lost.Count > 0)
        {
            var acked = lost.Intersect(queue.PrematureAcks).ToList();
            context.Require(
                acked.Count == 0,
                $"{lost.Count} of {CrashMessages} messages were lost. The consumer crashed while handling message {handler.CrashedOn}, "
                    + $"and messages it had already acknowledged were never processed (e.g. {acked.FirstOrDefault()}): you acknowledged them before handling them. "
                    + "Once a message is acknowledged the broker forgets it, so a crash between the ack and the work loses it for good. Handle first, then AckAsync.");
            var stillPending = await queue.Inner.ReadPendingAsync("A", CrashMessages, context.CancellationToken).ConfigureAwait(false);
            context.Require(
                stillPending.Count == 0,
                $"after the restart, {lost.Count} messages were never processed (e.g. {lost[0]}): the {stillPending.Count} messages the consumer held when it crashed "
                    + "are still pending for 'A', and nobody will ever read them as new again. A restarted consumer must first finish its own "
                    + "pending messages: queue.ReadPendingAsync(name, IReliableConsumer.BatchSize), before it reads new ones.");
            context.Fail($"{lost.Count} of {CrashMessages} messages were never processed (e.g. {lost[0]}).");
        }

        await RequireNothingPendingAsync(queue, context, "after the crash and the restart").ConfigureAwait(false);
        return (handler.CrashedOn ?? "?", held, handler.HandledTwice);
    }

    private static async Task<(int HeldByA, TimeSpan Waited)> TakeoverAsync(Func<IReliableConsumer> create, CheckContext context)
    {
        var handler = new CheckHandler();
        var clock = new ManualClock();
        await using var queue = await NewQueueAsync(handler, TakeoverMessages, clock).ConfigureAwait(false);
        handler.CrashOnCall(3);
        await RunUntilCrashAsync(create(), queue, "A", handler, context).ConfigureAwait(false);
        var heldByA = (await queue.Inner.ReadPendingAsync("A", TakeoverMessages, context.CancellationToken).ConfigureAwait(false)).Count;
        handler.Restart();

        // A never comes back. B first works while A's messages are fresh: it must not touch them yet.
        var b = create();
        await DrainAsync(b, queue, "B", handler, context, "for consumer B").ConfigureAwait(false);
        context.Require(
            queue.Reclaimed == 0,
            $"consumer B took over {queue.Reclaimed} of A's messages although A had received them 0 s earlier "
                + $"(your minimum idle time was {Duration(queue.SmallestSuccessfulMinIdle ?? TimeSpan.Zero)}). A consumer that is only slow would have its work "
                + "taken away and done twice. Only take over messages idle for at least IReliableConsumer.ReclaimAfter.");

        var waited = IReliableConsumer.ReclaimAfter + TimeSpan.FromSeconds(1);
        clock.Advance(waited);
        await DrainAsync(b, queue, "B", handler, context, "for consumer B once A's messages were idle").ConfigureAwait(false);
        var lost = Lost(queue, handler);
        context.Require(
            lost.Count == 0,
            $"consumer A crashed holding {heldByA} messages and never came back; {Duration(waited)} later B had still not taken them over, "
                + $"so {lost.Count} of them were never processed (e.g. {lost.FirstOrDefault()}) and all {heldByA} would stay pending forever. When there is nothing new, take over idle messages: "
                + "queue.ReclaimAsync(name, IReliableConsumer.ReclaimAfter, IReliableConsumer.BatchSize).");
        await RequireNothingPendingAsync(queue, context, "after B took over").ConfigureAwait(false);
        return (heldByA, waited);
    }

    /// <summary>Publishes <paramref name="count"/> messages into a fresh recording queue.</summary>
    private static async Task<RecordingQueue> NewQueueAsync(CheckHandler handler, int count, ManualClock clock)
    {
        var queue = new RecordingQueue(new InProcessQueue(clock), handler.HasCompleted);
        for (var i = 1; i <= count; i++)
        {
            await queue.PublishAsync("order " + i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        return queue;
    }

    /// <summary>Polls until the consumer says there is nothing to do, watching for endless redelivery.</summary>
    private static async Task DrainAsync(IReliableConsumer consumer, RecordingQueue queue, string name, CheckHandler handler, CheckContext context, string when)
    {
        for (var calls = 1; ; calls++)
        {
            var before = handler.Calls;
            var returned = await PollAsync(consumer, queue, name, handler, context).ConfigureAwait(false);
            var handled = handler.Calls - before;
            context.Require(
                returned == handled,
                $"PollAsync returned {returned} but handled {handled} messages ({when}): return how many messages you handled, and 0 only when there was nothing to do.");
            if (returned == 0)
            {
                return;
            }

            var (id, times) = handler.MostHandled;
            context.Require(
                times < RedeliveryLimit,
                $"message {id} was handled {times} times in {calls} calls of PollAsync ({when}): it was never acknowledged, so it kept coming back "
                    + "as pending. After handling a batch, call queue.AckAsync with its ids.");
            context.Require(calls <= 100, $"PollAsync kept returning messages for 100 calls ({when}) although there were at most {CrashMessages} to handle.");
        }
    }

    /// <summary>Polls until the handler has crashed (the exception ends the old consumer's life).</summary>
    private static async Task RunUntilCrashAsync(IReliableConsumer consumer, RecordingQueue queue, string name, CheckHandler handler, CheckContext context)
    {
        for (var calls = 0; handler.CrashedOn is null && calls < 20; calls++)
        {
            try
            {
                if (await PollAsync(consumer, queue, name, handler, context).ConfigureAwait(false) == 0)
                {
                    break;
                }
            }
            catch (Exception ex) when (IsCrash(ex))
            {
                return;
            }
        }

        context.Require(handler.CrashedOn is not null, $"consumer {name} never handled a message, so the crash the check needs never happened: read new messages and handle them.");
    }

    private static async Task<int> PollAsync(IReliableConsumer consumer, RecordingQueue queue, string name, CheckHandler handler, CheckContext context)
    {
        // Task.Run: a consumer that blocks its calling thread must not block the checker.
        var poll = Task.Run(
            () => consumer.PollAsync(queue, name, handler.Handle, context.CancellationToken)
                ?? throw new ExerciseFailedException("PollAsync returned null instead of a Task: make it async."),
            CancellationToken.None);
        await Task.WhenAny(poll, Task.Delay(Patience, context.CancellationToken)).ConfigureAwait(false);
        context.CancellationToken.ThrowIfCancellationRequested();
        context.Require(poll.IsCompleted, $"PollAsync did not return within {Duration(Patience)}: with the in-process queue every call returns at once, so do not wait for messages inside PollAsync.");
        return await poll.ConfigureAwait(false);
    }

    private static List<string> Lost(RecordingQueue queue, CheckHandler handler) =>
        queue.Published.Where(id => !handler.HasCompleted(id)).ToList();

    private static async Task RequireNothingPendingAsync(RecordingQueue queue, CheckContext context, string when)
    {
        var pending = await queue.PendingCountAsync(context.CancellationToken).ConfigureAwait(false);
        context.Require(
            pending == 0,
            $"{when}, {pending} messages were still pending: every message was handled, but some were never acknowledged. Call queue.AckAsync after handling.");
    }

    private static bool IsCrash(Exception error) => OutcomeClassifier.Flatten(error).Any(e => e is SimulatedCrashException);
}
