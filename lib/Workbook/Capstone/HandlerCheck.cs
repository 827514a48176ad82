using Workbook.Exercises;
using Workbook.Processes;
using static Workbook.Capstone.CheckWaits;

namespace Workbook.Capstone;

/// <summary>
/// The check of checkpoint 09.1: the handler rejects bad keys, sends the work to the pool, awaits it
/// without blocking, and cancels it at the deadline or when the request is aborted; then it answers
/// one request with a real worker process.
/// </summary>
internal static class HandlerCheck
{
    private static readonly TimeSpan LongDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShortDeadline = TimeSpan.FromMilliseconds(200);

    public static string Verify(Func<IQuoteHandler> create, CheckContext context)
    {
        IQuoteHandler handler = create();
        CancellationToken ct = context.CancellationToken;
        foreach (int bad in new[] { -1, Quotes.KeyCount })
        {
            RejectsBadKey(handler, bad, context);
        }

        long answer = AnswersThroughTheWorkers(handler, 7, context);
        AwaitsWithoutBlocking(handler, 11, context);
        CancelsAtTheDeadline(handler, 12, context);
        CancelsWhenTheRequestIsAborted(handler, 13, context);

        // Finally the real thing: a worker process computes the answer.
        ProcessWorkers real = ProcessWorkers.StartAsync(1, ct).GetAwaiter().GetResult();
        try
        {
            long live = handler.HandleAsync(7, real, LongDeadline, ct).WaitAsync(TimeSpan.FromSeconds(15), ct).GetAwaiter().GetResult();
            context.Require(live == answer, $"with a real worker process your handler answered {live} for key 7; the right answer is {answer}.");
        }
        finally
        {
            real.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        }

        return $"keys -1 and {Quotes.KeyCount:N0} were refused; key 7 went to the workers as Quotes.WorkFor(7) and came back as {answer}; "
            + "HandleAsync returned at once while the work was pending (it awaits); a 200 ms deadline and an aborted request both cancelled "
            + "the work item; and a real worker process answered key 7 correctly.";
    }

    private static void RejectsBadKey(IQuoteHandler handler, int key, CheckContext context)
    {
        var pool = new CheckWorkerPool(holdItems: false);
        Exception? error;
        try
        {
            Task<long> task = handler.HandleAsync(key, pool, LongDeadline, CancellationToken.None);
            context.Require(Settles(task, Patience, context.CancellationToken), $"for key {key} your handler gave no answer within 3 s.");
            error = ErrorOf(task);
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            error = e;
        }

        if (error is NotImplementedException)
        {
            throw error;
        }

        context.Require(error is ArgumentOutOfRangeException, error is null
            ? $"key {key} was accepted, but keys run from 0 to {Quotes.KeyCount - 1}: throw ArgumentOutOfRangeException (Quotes.Validate does) so the front end can answer 400."
            : $"key {key} made your handler throw {error.GetType().Name}; throw ArgumentOutOfRangeException instead (Quotes.Validate does), which the front end turns into 400.");
        context.Require(pool.Calls.Count == 0, $"key {key} was sent to the workers before it was refused: validate first, so bad input costs no CPU.");
    }

    private static long AnswersThroughTheWorkers(IQuoteHandler handler, int key, CheckContext context)
    {
        var pool = new CheckWorkerPool(holdItems: false);
        Task<long> task = handler.HandleAsync(key, pool, LongDeadline, CancellationToken.None);
        context.Require(Settles(task, Patience, context.CancellationToken), $"for key {key} your handler gave no answer within 3 s, although the worker answered at once.");
        context.Require(pool.Calls.Count > 0,
            $"your handler answered key {key} without sending anything to the workers: it computed on the request thread. That thread belongs to the "
            + "thread pool, which has about one thread per core; while it counts primes it serves nobody else. Send Quotes.WorkFor(key) to workers.RunAsync.");
        context.Require(pool.Calls.Count == 1, $"your handler sent {pool.Calls.Count} work items for one request of key {key}; send exactly one.");
        WorkItem sent = pool.Calls[0].Item;
        (long from, long to) = Quotes.Block(key);
        context.Require(sent.Operation == WorkOperation.CountPrimes && sent.Argument == from && sent.Argument2 == to,
            $"for key {key} your handler sent \"{sent}\"; send Quotes.WorkFor({key}), which counts the primes in [{from:N0}, {to:N0}).");
        if (task.IsFaulted || task.IsCanceled)
        {
            context.Fail($"for key {key} your handler {Describe(task)} although the worker answered; return the work result's Value.");
        }

        long expected = Quotes.Compute(key);
        context.Require(task.Result == expected, $"for key {key} your handler answered {task.Result}, but the worker's result was {expected}: return result.Value.");
        return expected;
    }

    private static void AwaitsWithoutBlocking(IQuoteHandler handler, int key, CheckContext context)
    {
        var held = new CheckWorkerPool(holdItems: true);
        Task<long>? pending = CallWithin(() => handler.HandleAsync(key, held, LongDeadline, CancellationToken.None), Patience, context.CancellationToken);
        if (pending is null)
        {
            held.ReleaseAll();
            context.Fail("HandleAsync did not return for 3 s while the worker was still busy: it blocks its thread until the work is done "
                + "(.Result, .Wait() or GetAwaiter().GetResult()). Under load every such request holds a thread-pool thread hostage. "
                + "Use await, so the thread goes back to serve other requests while the worker computes.");
        }

        bool early = pending.IsCompleted;
        held.ReleaseAll();
        context.Require(!early, $"for key {key} HandleAsync was already finished ({Describe(pending)}) while the worker still held the work: wait for the worker's result.");
        context.Require(Settles(pending, Patience, context.CancellationToken) && pending.IsCompletedSuccessfully,
            $"after the worker answered key {key}, your handler's task {Describe(pending)}.");
    }

    private static void CancelsAtTheDeadline(IQuoteHandler handler, int key, CheckContext context)
    {
        var held = new CheckWorkerPool(holdItems: true);
        Task<long> task = handler.HandleAsync(key, held, ShortDeadline, CancellationToken.None);
        bool ended = Settles(task, TimeSpan.FromSeconds(5), context.CancellationToken);
        bool workCancelled = held.Calls.Count == 1 && held.Calls[0].Token.IsCancellationRequested;
        held.ReleaseAll();
        context.Require(ended || workCancelled,
            "the work was still running 5 s after a 200 ms deadline: nothing bounds it, so a stuck computation holds a worker for ever. "
            + "Make a CancellationTokenSource linked to requestAborted, call CancelAfter(deadline), and pass its token to RunAsync.");
        context.Require(workCancelled,
            "your handler gave up at the 200 ms deadline, but the work item's token was never cancelled, so the worker keeps computing an answer "
            + "nobody will read. Pass a token that the deadline cancels (CancelAfter) to RunAsync, instead of only waiting less.");
        context.Require(!task.IsCompletedSuccessfully, $"for key {key} your handler {Describe(task)} although the work was cancelled at the deadline.");
    }

    private static void CancelsWhenTheRequestIsAborted(IQuoteHandler handler, int key, CheckContext context)
    {
        var held = new CheckWorkerPool(holdItems: true);
        using var aborted = new CancellationTokenSource();
        Task<long> task = handler.HandleAsync(key, held, LongDeadline, aborted.Token);
        context.Require(Settles(held.FirstCall, Patience, context.CancellationToken), $"for key {key} nothing reached the workers within 3 s.");
        aborted.Cancel();
        bool ended = Settles(task, Patience, context.CancellationToken);
        bool workCancelled = held.Calls[0].Token.IsCancellationRequested;
        held.ReleaseAll();
        context.Require(workCancelled,
            "the client gave up (requestAborted was cancelled) but the work item's token was not cancelled, so a worker computes for nobody. "
            + "Link your token to requestAborted: CancellationTokenSource.CreateLinkedTokenSource(requestAborted).");
        context.Require(ended && !task.IsCompletedSuccessfully, $"after the request was aborted your handler's task {Describe(task)}; it should end cancelled.");
    }
}
