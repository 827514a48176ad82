using Workbook.Async;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Tuning;

/// <summary>
/// The check of exercise 08.1: one fetch per key however many callers arrive together, keys that
/// do not wait for each other, and a failed fetch that is retried rather than cached.
/// </summary>
internal static class SingleFlightCheck
{
    private const int Callers = 1_000;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);

    public static string Verify(Func<IAsyncCache> create, CheckContext context)
    {
        CheckBasics(create(), context);
        int threads = CheckStampede(create(), context);
        CheckKeysIndependent(create(), context);
        int retries = CheckFailureNotCached(create(), context, synchronous: false);
        CheckFailureNotCached(create(), context, synchronous: true);
        return $"{Count(Callers)} callers on {threads} threads asked for one key at once and the backend saw exactly 1 fetch; "
            + "a slow key did not hold up another key; a failed fetch (thrown inside the task or straight away) was retried "
            + $"by the next request ({retries} retr{(retries == 1 ? "y" : "ies")} needed) instead of being cached.";
    }

    private static void CheckBasics(IAsyncCache cache, CheckContext context)
    {
        var calls = new List<string>();
        Task<string> Fetch(string key)
        {
            lock (calls)
            {
                calls.Add(key);
            }

            return Task.FromResult($"value of {key}");
        }

        string first = Await(cache.GetAsync("a", Fetch), context, "the first GetAsync(\"a\", ...)");
        context.Require(calls.Count == 1 && calls[0] == "a", $"the first GetAsync(\"a\", fetch) called fetch {calls.Count} time(s) with [{string.Join(", ", calls)}]; expected once, with \"a\".");
        context.Require(first == "value of a", $"GetAsync(\"a\", fetch) returned \"{first}\"; expected what fetch returned, \"value of a\".");
        string again = Await(cache.GetAsync("a", Fetch), context, "the second GetAsync(\"a\", ...)");
        context.Require(
            calls.Count == 1,
            "the second GetAsync(\"a\", fetch), after the first had finished, called fetch again: nothing was cached. "
                + "Keep what the first call produced (per key) and hand it to later callers.");
        context.Require(again == "value of a", $"the second GetAsync(\"a\", fetch) returned \"{again}\"; expected the cached \"value of a\".");
        string other = Await(cache.GetAsync("b", Fetch), context, "GetAsync(\"b\", ...)");
        context.Require(other == "value of b", $"GetAsync(\"b\", fetch) returned \"{other}\" after \"a\" was cached; each key needs its own entry.");
    }

    private static int CheckStampede(IAsyncCache cache, CheckContext context)
    {
        int threads = context.ThreadCount;
        int entered = 0, fetches = 0;
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string> Fetch(string key)
        {
            if (Interlocked.Increment(ref fetches) == 1)
            {
                // Hold the first fetch's synchronous start until every thread has made its first
                // request, plus a moment: any cache that can start a second fetch gets its chance.
                CheckWaits.Until(() => Volatile.Read(ref entered) >= threads, TimeSpan.FromSeconds(2), context.CancellationToken);
                Thread.Sleep(50);
            }

            return release.Task;
        }

        var tasks = new Task<string>[Callers];
        bool issued;
        try
        {
            issued = context.TryRunThreads(
                threads,
                t =>
                {
                    for (int i = t; i < Callers; i += threads)
                    {
                        Interlocked.Increment(ref entered);
                        tasks[i] = cache.GetAsync("hot", Fetch);
                    }
                },
                s_bound);
        }
        finally
        {
            release.TrySetResult("hot value");
        }

        context.Require(
            issued,
            $"GetAsync blocked its caller's thread for more than {Duration(s_bound)} while a fetch was in flight. "
                + "It must return a pending task at once: no .Result or .Wait(), and no lock held while waiting.");
        int started = Volatile.Read(ref fetches);
        if (started == Callers)
        {
            context.Fail(
                $"{Count(Callers)} callers asked for the key while its first fetch was in flight, and every one of them started its own fetch "
                + $"({Count(started)} backend calls): a cache stampede. The value is stored only when a fetch completes, so everyone who arrives "
                + "before that misses. Store something for the key before awaiting: the task of the fetch in flight.");
        }

        if (started > 1)
        {
            context.Fail(
                $"{Count(Callers)} callers on {threads} threads asked for one key at once and the backend saw {started} fetches; expected 1. "
                + "Threads that missed at the same moment each started a fetch. ConcurrentDictionary.GetOrAdd runs its value factory outside "
                + "its lock and may run it on several threads, keeping one result: a factory that calls fetch starts a fetch on every racing thread. "
                + "Make the factory cheap and side-effect free (wrap the fetch in a Lazy<Task<string>>).");
        }

        context.Require(started == 1, $"{Count(Callers)} callers asked for a key and fetch was never called.");
        context.Require(tasks.All(t => t is not null), "GetAsync returned null instead of a task.");
        bool ended = CheckWaits.Ended(Task.WhenAll(tasks), s_bound, context.CancellationToken);
        context.Require(ended, $"after the fetch completed, {tasks.Count(t => !t.IsCompleted)} of {Count(Callers)} callers were still waiting {Duration(s_bound)} later.");
        Task<string>[] wrong = tasks.Where(t => !t.IsCompletedSuccessfully || t.Result != "hot value").ToArray();
        if (wrong.Length > 0)
        {
            // Built only on failure: the message names the first wrong caller, which exists only then.
            context.Fail($"{wrong.Length} of {Count(Callers)} callers did not get the fetched value \"hot value\" (first: {CheckWaits.Describe(wrong[0])}).");
        }
        context.Require(Volatile.Read(ref fetches) == 1, $"the {Count(Callers)} callers made {Volatile.Read(ref fetches)} fetches in all; expected 1.");
        return threads;
    }

    private static void CheckKeysIndependent(IAsyncCache cache, CheckContext context)
    {
        var slowGate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            Task<string>? slow = null;
            bool returned = context.TryRunThreads(1, _ => slow = cache.GetAsync("slow", _ => slowGate.Task), s_bound);
            context.Require(returned && slow is not null, $"GetAsync(\"slow\", ...) blocked its caller while the fetch was in flight (over {Duration(s_bound)}); it must return a pending task.");
            Task<string>? fast = null;
            returned = context.TryRunThreads(1, _ => fast = cache.GetAsync("fast", key => Task.FromResult($"value of {key}")), s_bound);
            bool done = returned && fast is not null && CheckWaits.Ended(fast, s_bound, context.CancellationToken);
            context.Require(
                done,
                $"a request for key \"fast\" (whose fetch completes at once) was still waiting {Duration(s_bound)} later, because key \"slow\" "
                    + "had a fetch in flight: requests for different keys must not wait for each other. One lock or SemaphoreSlim held across "
                    + "the await serialises every key; single-flight needs one entry per key, not one gate for all.");
            context.Require(fast!.IsCompletedSuccessfully && fast.Result == "value of fast", $"GetAsync(\"fast\", ...) {CheckWaits.Describe(fast)} instead of returning \"value of fast\".");
            slowGate.TrySetResult("value of slow");
            context.Require(CheckWaits.Ended(slow!, s_bound, context.CancellationToken) && slow!.IsCompletedSuccessfully, "the request for \"slow\" did not complete once its fetch had.");
        }
        finally
        {
            slowGate.TrySetResult("value of slow");
        }
    }

    private static int CheckFailureNotCached(IAsyncCache cache, CheckContext context, bool synchronous)
    {
        string how = synchronous ? "threw straight away, before returning a task" : "failed inside its task";
        Task<string> Failing(string key)
        {
            if (synchronous)
            {
                throw new BackendUnavailableException("backend down");
            }

            return FailLater();
        }

        Task<string> first;
        try
        {
            first = cache.GetAsync("flaky", Failing);
        }
        catch (BackendUnavailableException)
        {
            // Throwing at once is a fine way to report the failure too.
            first = Task.FromException<string>(new BackendUnavailableException("backend down"));
        }

        context.Require(first is not null, "GetAsync returned null instead of a task.");
        context.Require(CheckWaits.Ended(first, s_bound, context.CancellationToken), $"GetAsync did not finish within {Duration(s_bound)} after its fetch {how}.");
        context.Require(
            first.IsFaulted && CheckWaits.Errors(first).Any(e => e is BackendUnavailableException),
            $"when the fetch {how}, GetAsync {CheckWaits.Describe(first)}; the caller must get the fetch's exception (BackendUnavailableException).");

        int goodCalls = 0;
        Task<string> Good(string key)
        {
            Interlocked.Increment(ref goodCalls);
            return Task.FromResult("fresh value");
        }

        // Eviction may happen a moment after the failure is reported (in a continuation): allow 2 s.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int attempts = 0;
        Task<string> next;
        do
        {
            attempts++;
            try
            {
                next = cache.GetAsync("flaky", Good);
            }
            catch (Exception error)
            {
                next = Task.FromException<string>(error);
            }

            context.Require(next is not null, "GetAsync returned null instead of a task.");
            context.Require(CheckWaits.Ended(next, s_bound, context.CancellationToken), $"GetAsync did not finish within {Duration(s_bound)} after an earlier fetch of the key had failed.");
            if (next.IsCompletedSuccessfully)
            {
                break;
            }

            Thread.Sleep(20);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(2));

        context.Require(
            next.IsCompletedSuccessfully,
            $"after a fetch {how}, every later GetAsync for the same key ({attempts} tries over {Duration(clock.Elapsed)}) {CheckWaits.Describe(next)} "
                + $"without calling the new fetch ({goodCalls} calls): the failure is cached forever. Remove the key's entry when its fetch fails, "
                + "and only if it is still that same entry (ConcurrentDictionary.TryRemove(KeyValuePair)), so a newer good entry survives.");
        context.Require(goodCalls == 1 && next.Result == "fresh value", $"after the failure, the retry returned \"{next.Result}\" with {goodCalls} new fetches; expected \"fresh value\" from 1 fetch.");
        return attempts - 1;
    }

    private static async Task<string> FailLater()
    {
        await Task.Yield();
        throw new BackendUnavailableException("backend down");
    }

    private static string Await(Task<string> task, CheckContext context, string what)
    {
        context.Require(task is not null, $"{what} returned null instead of a task.");
        context.Require(CheckWaits.Ended(task, s_bound, context.CancellationToken), $"{what} did not complete within {Duration(s_bound)} although its fetch completes at once.");
        if (task.IsFaulted)
        {
            throw task.Exception!;
        }

        context.Require(!task.IsCanceled, $"{what} was cancelled.");
        return task.Result;
    }
}
