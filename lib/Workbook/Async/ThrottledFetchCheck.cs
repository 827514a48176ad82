using Workbook.Exercises;

namespace Workbook.Async;

/// <summary>
/// The check of exercise 03.1: in-flight peak equals the limit, results in input order, no batching,
/// a failing fetch neither hangs the rest nor disappears, and cancellation ends the call.
/// </summary>
internal static class ThrottledFetchCheck
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);

    public static string Verify(Func<IThrottledFetcher> create, CheckContext context)
    {
        int rounds = 0;
        CheckOrderAndLimit(create(), context, urls: 24, limit: 4);
        rounds++;
        CheckOrderAndLimit(create(), context, urls: 5, limit: 1);
        rounds++;
        CheckNoBatches(create(), context);
        rounds++;
        CheckFailure(create(), context);
        rounds++;
        CheckCancellation(create(), context);
        rounds++;
        return $"{rounds} rounds: peak in flight equal to the limit (4 of 24, 1 of 5), bodies in input order although they finished out of order, "
            + "a slow URL did not hold up the others, two failing fetches surfaced their exception without stalling the rest, and cancelling ended the call.";
    }

    private static string[] Run(IThrottledFetcher fetcher, RecordingFetch fake, IReadOnlyList<string> urls, int limit, CheckContext context, string situation, TimeSpan? bound = null)
    {
        TimeSpan within = bound ?? s_bound;
        Task<string[]> task = fetcher.FetchAllAsync(urls, limit, fake.FetchAsync, context.CancellationToken);
        context.Require(task is not null, "FetchAllAsync returned null instead of a Task.");
        bool ended = CheckWaits.Ended(task, within, context.CancellationToken);
        fake.Abort();
        context.Require(
            ended,
            $"FetchAllAsync did not finish within {within.TotalSeconds:0} s {situation} ({fake.Started} fetches started, {fake.InFlight.Current} still in flight). "
                + "Is an await waiting for something that never happens?");
        if (task.IsFaulted)
        {
            // Let the runner report the learner's exception with its type and location.
            throw task.Exception!;
        }

        context.Require(!task.IsCanceled, $"FetchAllAsync was cancelled {situation}, although nobody cancelled the token.");
        return task.Result;
    }

    private static void CheckOrderAndLimit(IThrottledFetcher fetcher, CheckContext context, int urls, int limit)
    {
        IReadOnlyList<string> list = SimulatedDownloads.Urls(urls);
        var fake = new RecordingFetch(wave: limit, random: context.CreateRandom(urls));
        string[] results = Run(fetcher, fake, list, limit, context, $"for {urls} URLs with limit {limit}");

        context.Require(results is not null, "FetchAllAsync returned a null array.");
        context.Require(results.Length == urls, $"FetchAllAsync returned {results.Length} bodies for {urls} URLs: return exactly one per URL.");
        foreach (string url in list)
        {
            int calls = fake.CallsFor(url);
            context.Require(calls == 1, $"{url} was fetched {calls} times: fetch every URL exactly once.");
        }

        int peak = fake.InFlight.Peak;
        context.Require(
            peak <= limit,
            $"{peak} fetches were in flight at once with limit {limit}: nothing limited the concurrency. "
                + "Take a slot (await semaphore.WaitAsync(...)) before starting each fetch, and give it back when the fetch ends.");
        context.Require(
            !(peak == 1 && limit > 1),
            $"only 1 fetch was ever in flight with limit {limit}: you awaited each fetch before starting the next, so the {urls} URLs ran one after another. "
                + "Start them all (Task.WhenAll) and let the limit hold back the extra ones.");
        context.Require(
            peak == limit,
            $"at most {peak} fetches were in flight although the limit was {limit} and {urls} URLs were waiting: use the whole limit.");

        string[] expected = [.. list.Select(RecordingFetch.Body)];
        int wrong = Enumerable.Range(0, urls).FirstOrDefault(i => expected[i] != results[i], -1);
        if (wrong >= 0)
        {
            // Every body present but misplaced is the classic "add it to a list when it arrives" answer.
            // Decided from the contents alone: comparing with the fake's finishing order would race the
            // learner's own continuations, which may run in a different order on a busy machine.
            bool shuffled = results.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal));
            int actualIndex = shuffled ? Array.IndexOf(expected, results[wrong]) : -1;
            context.Fail(shuffled
                ? $"every body is there, but not in the order of the URLs: result[{wrong}] is the body of urls[{actualIndex}]. "
                    + "Bodies added to a list or queue as they arrive come back in the order the fetches finished. "
                    + "Store each body at its URL's index (results[i] = await fetch(urls[i], ...))."
                : $"result[{wrong}] is \"{results[wrong] ?? "null"}\" but should be \"{expected[wrong]}\", the body of urls[{wrong}].");
        }
    }

    private static void CheckNoBatches(IThrottledFetcher fetcher, CheckContext context)
    {
        const int Urls = 12, Limit = 3;
        IReadOnlyList<string> list = SimulatedDownloads.Urls(Urls);
        var fake = new RecordingFetch(wave: Limit, random: context.CreateRandom(99), slowUrl: list[0], urlCount: Urls);
        // A batching answer waits out the fake's whole patience for the slow URL: give it room to finish
        // so it gets the batching verdict below, not a time-out, even on a busy machine.
        Run(fetcher, fake, list, Limit, context, "when the first URL was slow", RecordingFetch.SlowPatience + s_bound);
        context.Require(
            fake.SlowReleasedByOthers,
            $"while {list[0]} was slow, only {fake.FinishedDuringSlow} of the other {Urls - 1} URLs were fetched, although {Limit - 1} of the {Limit} slots were free: "
                + $"you start the URLs in batches of {Limit} and wait for each whole batch, so one slow fetch idles its batch's other slots. "
                + "Start the next URL as soon as ANY fetch finishes (one semaphore for all URLs, or Parallel.ForEachAsync).");
    }

    private static void CheckFailure(IThrottledFetcher fetcher, CheckContext context)
    {
        const int Urls = 10, Limit = 2;
        IReadOnlyList<string> list = SimulatedDownloads.Urls(Urls);
        var fake = new RecordingFetch(wave: Limit, random: context.CreateRandom(7), failing: [list[0], list[1]]);
        Task<string[]> task = fetcher.FetchAllAsync(list, Limit, fake.FetchAsync, context.CancellationToken);
        bool ended = CheckWaits.Ended(task, s_bound, context.CancellationToken);
        fake.Abort();
        context.Require(
            ended,
            $"the first {Limit} fetches failed and then FetchAllAsync never finished: only {fake.Started} of {Urls} fetches ever started, "
                + $"so the failed fetches never gave their {Limit} slots back. Release the semaphore in a finally block so a failing fetch still frees its slot.");
        context.Require(
            !task.IsCompletedSuccessfully,
            $"FetchAllAsync returned normally although fetching {list[0]} and {list[1]} threw FetchFailedException: "
                + "do not swallow a fetch's exception; let it reach the caller (await Task.WhenAll(...) rethrows it).");
        context.Require(
            CheckWaits.Errors(task).Any(e => e is FetchFailedException),
            $"when two fetches threw FetchFailedException, FetchAllAsync {CheckWaits.Describe(task)} instead: let the fetch's own exception reach the caller.");
    }

    private static void CheckCancellation(IThrottledFetcher fetcher, CheckContext context)
    {
        const int Urls = 9, Limit = 3;
        IReadOnlyList<string> list = SimulatedDownloads.Urls(Urls);
        var fake = new RecordingFetch(wave: 1, random: context.CreateRandom(3)) { HangUntilCancelled = true };
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        Task<string[]> task = fetcher.FetchAllAsync(list, Limit, fake.FetchAsync, caller.Token);
        bool full = CheckWaits.Until(() => fake.InFlight.Current >= Limit, s_bound, context.CancellationToken);
        caller.Cancel();
        bool ended = CheckWaits.Ended(task, s_bound, context.CancellationToken);
        fake.Abort();
        context.Require(full, $"with {Urls} slow URLs and limit {Limit}, only {fake.InFlight.Current} fetches were in flight after {s_bound.TotalSeconds:0} s.");
        context.Require(
            ended,
            $"after the caller cancelled its token, FetchAllAsync had not finished {s_bound.TotalSeconds:0} s later: "
                + "pass the cancellation token on to fetch(url, token) and to semaphore.WaitAsync(token), so waiting and in-flight work both stop.");
        context.Require(
            CheckWaits.EndedCancelled(task),
            $"after the caller cancelled its token, FetchAllAsync {CheckWaits.Describe(task)}: it should end as cancelled (OperationCanceledException).");
    }
}
