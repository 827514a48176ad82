using Workbook.Exercises;
using static Workbook.Capstone.CheckWaits;

namespace Workbook.Capstone;

/// <summary>
/// The check of checkpoint 09.3: values are stored, concurrent misses share one computation, one
/// key's computation never holds up another, failures and cancellations are not stored, and under
/// many threads every key is computed exactly once.
/// </summary>
internal static class CacheCheck
{
    private static readonly TimeSpan Rendezvous = TimeSpan.FromSeconds(1);

    public static string Verify(Func<IQuoteCache> create, CheckContext context)
    {
        var compute = new CheckCompute();
        IQuoteCache cache = create();
        StoresValues(cache, compute, context);
        int racers = context.ThreadCount;
        SharesOneComputation(cache, compute, racers, context);
        KeepsKeysIndependent(cache, compute, context);
        ForgetsFailures(cache, compute, 5, () => Task.FromException<long>(new InvalidOperationException("the backend for key 5 is down")), context);
        ForgetsFailures(cache, compute, 6, () => Task.FromCanceled<long>(new CancellationToken(canceled: true)), context);
        int calls = ComputesEachKeyOnceUnderLoad(create(), context);
        return $"key 1 was computed once and then served from the cache; {racers} requests for key 2 at the same moment shared one computation; "
            + "key 4 was answered while key 3 was still being computed; a failed and a cancelled computation were not stored (the next request computed again); "
            + $"and {context.ThreadCount} threads making {calls:N0} requests over 64 keys caused exactly 64 computations.";
    }

    private static Task<long> Get(IQuoteCache cache, CheckCompute compute, int key, CheckContext context) =>
        CallWithin(() => cache.GetOrComputeAsync(key, compute.ComputeAsync), Patience, context.CancellationToken)
        ?? throw new ExerciseFailedException($"GetOrComputeAsync for key {key} did not return within 3 s: it blocks instead of returning a task.");

    private static void StoresValues(IQuoteCache cache, CheckCompute compute, CheckContext context)
    {
        for (int round = 1; round <= 2; round++)
        {
            Task<long> task = Get(cache, compute, 1, context);
            context.Require(Settles(task, Patience, context.CancellationToken) && task.IsCompletedSuccessfully && task.Result == CheckCompute.ValueFor(1),
                $"request {round} for key 1 {Describe(task)}; compute returned {CheckCompute.ValueFor(1)}.");
        }

        int calls = compute.CallsFor(1);
        context.Require(calls == 1, $"compute ran {calls} times for two requests of key 1: the value was not kept. Store each key's result and serve it from the store.");
    }

    private static void SharesOneComputation(IQuoteCache cache, CheckCompute compute, int racers, CheckContext context)
    {
        const int Key = 2;
        var shared = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        int entered = 0;
        compute.Set(Key, _ =>
        {
            // Wait a moment for a second computation of the same key: only a cache without single flight starts one.
            Interlocked.Increment(ref entered);
            SpinWait.SpinUntil(() => Volatile.Read(ref entered) >= 2, Rendezvous);
            return shared.Task;
        });
        var answers = new Task<long>[racers];
        bool returned = context.TryRunThreads(racers, i => answers[i] = cache.GetOrComputeAsync(Key, compute.ComputeAsync), TimeSpan.FromSeconds(10));
        shared.TrySetResult(CheckCompute.ValueFor(Key));
        context.Require(returned, $"{racers} requests for key {Key} at the same moment did not all get their task within 10 s: does GetOrComputeAsync wait for the computation?");
        int calls = compute.CallsFor(Key);
        context.Require(calls == 1,
            $"compute ran {calls} times for key {Key} while {racers} requests asked for it at the same moment: a cache stampede. Checking "
            + "\"is it stored?\" and then computing lets every request that arrives before the first answer compute too, and "
            + "ConcurrentDictionary.GetOrAdd(key, k => compute(k)) may run its factory on several threads. Store the pending computation "
            + "(a Lazy<Task<long>> or a TaskCompletionSource) so later requests await the same task.");
        foreach (Task<long> answer in answers)
        {
            context.Require(Settles(answer, Patience, context.CancellationToken) && answer.IsCompletedSuccessfully && answer.Result == CheckCompute.ValueFor(Key),
                $"a request that joined key {Key}'s computation {Describe(answer)}; the computation returned {CheckCompute.ValueFor(Key)}.");
        }

        compute.Reset(Key);
    }

    private static void KeepsKeysIndependent(IQuoteCache cache, CheckCompute compute, CheckContext context)
    {
        compute.Hold(3);
        Task<long> slow = Get(cache, compute, 3, context);
        Task<long>? other = CallWithin(() => cache.GetOrComputeAsync(4, compute.ComputeAsync), Patience, context.CancellationToken);
        bool answered = other is not null && Settles(other, Patience, context.CancellationToken);
        compute.Release(3);
        context.Require(answered,
            "a request for key 4 was still waiting after 3 s while key 3 was being computed: one lock or semaphore around every computation makes "
            + "all keys wait for the slowest one. Guard each key separately (or let a ConcurrentDictionary do it).");
        context.Require(other!.IsCompletedSuccessfully && other.Result == CheckCompute.ValueFor(4), $"the request for key 4 {Describe(other)}.");
        context.Require(Settles(slow, Patience, context.CancellationToken) && slow.IsCompletedSuccessfully && slow.Result == CheckCompute.ValueFor(3),
            $"after key 3's computation finished, its request {Describe(slow)}.");
    }

    private static void ForgetsFailures(IQuoteCache cache, CheckCompute compute, int key, Func<Task<long>> failure, CheckContext context)
    {
        compute.Set(key, _ => failure());
        Task<long> failed = Get(cache, compute, key, context);
        bool ended = Settles(failed, Patience, context.CancellationToken);
        string how = failure().IsCanceled ? "was cancelled" : "failed";
        context.Require(ended && !failed.IsCompletedSuccessfully,
            $"key {key}'s computation {how}, but the request {Describe(failed)}: every request that shares a computation must see its failure.");
        compute.Reset(key);
        Task<long> retried = Get(cache, compute, key, context);
        bool retriedEnded = Settles(retried, Patience, context.CancellationToken);
        context.Require(compute.CallsFor(key) == 2 && retriedEnded && retried.IsCompletedSuccessfully,
            $"key {key}'s computation {how}, and the next request for key {key} {Describe(retried)} without computing again: the failure was "
            + "stored like a value, so the key stays broken for ever. Remove a failed (or cancelled) computation from the cache.");
        context.Require(retried.Result == CheckCompute.ValueFor(key), $"the second request for key {key} answered {retried.Result}, expected {CheckCompute.ValueFor(key)}.");
    }

    private static int ComputesEachKeyOnceUnderLoad(IQuoteCache cache, CheckContext context)
    {
        const int Keys = 64;
        const int CallsPerThread = 1_000;
        var compute = new CheckCompute();
        int wrong = -1;
        context.RunThreads(context.ThreadCount, thread =>
        {
            Random random = context.CreateRandom(thread);
            for (int i = 0; i < CallsPerThread; i++)
            {
                int key = 100 + random.Next(Keys);
                Task<long> task = cache.GetOrComputeAsync(key, compute.ComputeAsync);
                if (!task.Wait(Patience) || task.Result != CheckCompute.ValueFor(key))
                {
                    Interlocked.Exchange(ref wrong, key);
                }
            }
        });
        context.Require(wrong < 0, $"under {context.ThreadCount} threads a request for key {wrong} got a wrong answer or none within 3 s.");
        KeyValuePair<int, int>[] repeated = [.. compute.Calls.Where(c => c.Value > 1)];
        context.Require(repeated.Length == 0 && compute.Calls.Count == Keys,
            repeated.Length > 0
                ? $"under {context.ThreadCount} threads compute ran {repeated[0].Value} times for key {repeated[0].Key}: two threads both found it "
                    + "missing and both computed. The check and the insert must be one atomic step (ConcurrentDictionary.GetOrAdd with a Lazy, or TryAdd)."
                : $"under {context.ThreadCount} threads only {compute.Calls.Count} of {Keys} keys were computed.");
        return context.ThreadCount * CallsPerThread;
    }
}
