using Workbook.Exercises;

namespace Workbook.Async;

/// <summary>The exercises of chapter 03 (async/await).</summary>
public sealed class AsyncExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "03-async-await";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IThrottledFetcher>(
            "03.1",
            ChapterName,
            "Fan out with a concurrency limit",
            [
                "Two separate problems: start many fetches without waiting for each in turn, and keep at most `limit` of them running. "
                    + "Which type hands out a fixed number of slots that async code can wait for without blocking a thread?",
                "One SemaphoreSlim(limit) shared by all URLs. For each index i, start a small async function: await gate.WaitAsync(token), then "
                    + "try { results[i] = await fetch(urls[i], token); } finally { gate.Release(); }. Start them all, then await Task.WhenAll. "
                    + "Writing into results[i] keeps the input order whatever order the fetches finish in; finally gives the slot back even when fetch throws.",
                "Nearly the answer: var gate = new SemaphoreSlim(limit); var results = new string[urls.Count]; "
                    + "async Task One(int i) { await gate.WaitAsync(ct); try { results[i] = await fetch(urls[i], ct); } finally { gate.Release(); } } "
                    + "await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(One)); return results; "
                    + "(Parallel.ForEachAsync over Enumerable.Range with MaxDegreeOfParallelism = limit works too.)",
            ],
            ThrottledFetchCheck.Verify),

        Exercise.Define<IReplicaRace>(
            "03.2",
            ChapterName,
            "First answer wins, losers are cancelled",
            [
                "Start all replicas at once, then wait for whichever finishes first: Task.WhenAny. Then ask: did it SUCCEED? "
                    + "And what tells the other replicas to stop, and who stops everything when the timeout passes?",
                "Make one CancellationTokenSource linked to the caller's token (CreateLinkedTokenSource) and call CancelAfter(timeout) on it; "
                    + "give its Token to every replica. Loop: var done = await Task.WhenAny(running); remove it; if it succeeded, return its Result; "
                    + "otherwise remember its exception. Cancel the source in a finally block so the losers stop on every path. "
                    + "A replica stuck ignoring its token must not hang you: include a task that completes when the source is cancelled in the WhenAny.",
                "Nearly the answer: using var race = CancellationTokenSource.CreateLinkedTokenSource(ct); race.CancelAfter(timeout); "
                    + "var running = replicas.Select(r => r(race.Token)).ToList(); var ended = Task.Delay(Timeout.Infinite, race.Token); var failures = new List<Exception>(); "
                    + "try { while (running.Count > 0) { var first = await Task.WhenAny(running.Append<Task>(ended)); if (first == ended) break; var done = (Task<T>)first; running.Remove(done); "
                    + "if (done.IsCompletedSuccessfully) return done.Result; if (done.Exception is { } e) failures.AddRange(e.InnerExceptions); } "
                    + "ct.ThrowIfCancellationRequested(); if (race.IsCancellationRequested) throw new TimeoutException(); throw new AggregateException(failures); } "
                    + "finally { race.Cancel(); }",
            ],
            ReplicaRaceCheck.Verify),

        Exercise.Define<IOrderHandler>(
            "03.3",
            ChapterName,
            "Fix a thread-pool starvation bug",
            [
                "Every .Result, .Wait() and .GetAwaiter().GetResult() on an unfinished task holds a whole thread hostage until the task completes. "
                    + "What keyword lets the method give its thread back while it waits?",
                "Mark HandleAsync async and replace each blocking wait with await: int reservation = await inventory.ReserveAsync(...). "
                    + "Both calls must be awaited; one blocking call is enough to deadlock. Do not wrap the old code in Task.Run: that only moves "
                    + "the blocking to thread-pool threads.",
                "Nearly the answer: public async Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken ct) { "
                    + "int reservation = await inventory.ReserveAsync(order.Sku, order.Quantity, ct); decimal price = await inventory.PriceAsync(order.Sku, ct); "
                    + "return new Receipt(order.Id, reservation, price * order.Quantity); }",
            ],
            OrderHandlerCheck.Verify),
    ];
}
