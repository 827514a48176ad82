using Workbook.Exercises;

namespace Workbook.Capstone;

/// <summary>The checkpoints of chapter 09 (the capstone service), one per step of the build.</summary>
public sealed class CapstoneExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "09-capstone";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IQuoteHandler>(
            "09.1",
            ChapterName,
            "A handler that awaits the workers",
            [
                "Four things, in order: refuse a bad key before doing anything (Quotes.Validate throws the right exception); send "
                    + "Quotes.WorkFor(key) to workers.RunAsync instead of computing here; await the result rather than blocking on it; "
                    + "and give RunAsync a token that fires when the request is aborted or the deadline passes, whichever comes first.",
                "A token for \"either of two reasons\" is a linked source: using var cts = CancellationTokenSource.CreateLinkedTokenSource(requestAborted); "
                    + "cts.CancelAfter(deadline);. Make the method async and write var result = await workers.RunAsync(..., cts.Token); "
                    + ".Result or .Wait() would hold the request's thread until the worker is done.",
                "Nearly the answer: public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted) "
                    + "{ Quotes.Validate(key); using var cts = CancellationTokenSource.CreateLinkedTokenSource(requestAborted); cts.CancelAfter(deadline); "
                    + "var result = await workers.RunAsync(Quotes.WorkFor(key), cts.Token); return result.Value; }",
            ],
            HandlerCheck.Verify),

        Exercise.Define<IAdmissionQueue>(
            "09.2",
            ChapterName,
            "A bounded queue that says no",
            [
                "Three parts: a bounded Channel of jobs (a job is the key, the request's token and a TaskCompletionSource<long> for the answer); "
                    + "TryEnqueue, which must never wait; and `consumers` loops that each take one job, run it, and only then take the next.",
                "Create the channel with Channel.CreateBounded<Job>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait }): "
                    + "TryWrite then returns false when it is full (the Drop modes would accept and silently lose a job). Start the consumers with "
                    + "Task.Run(() => ConsumeAsync(work)); in the loop, await foreach over ReadAllAsync(), skip a job whose token is cancelled "
                    + "(TrySetCanceled), otherwise await work and TrySetResult, or TrySetException if it throws.",
                "Nearly the answer: TryEnqueue: var job = new Job(key, ct, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)); "
                    + "return _channel.Writer.TryWrite(job) ? job.Result.Task : null;  DisposeAsync: _channel.Writer.TryComplete(); "
                    + "while (_channel.Reader.TryRead(out var left)) left.Result.TrySetCanceled(); await Task.WhenAll(_consumers);",
            ],
            AdmissionCheck.Verify),

        Exercise.Define<IQuoteCache>(
            "09.3",
            ChapterName,
            "A single-flight cache",
            [
                "If you store the value only when it is ready, every request that arrives before then finds nothing and computes too: a stampede. "
                    + "What could you store at the very first miss that later requests can wait on?",
                "Store the pending Task<long> itself, in a ConcurrentDictionary<int, Lazy<Task<long>>>: GetOrAdd(key, k => new Lazy<Task<long>>(() => compute(k))) "
                    + "may build several Lazy objects when threads race, but only the stored one is ever read (.Value), so compute runs once. When the task "
                    + "fails, remove that entry, or the failure is served for ever.",
                "Nearly the answer: var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<long>>(() => compute(k))); var task = lazy.Value; "
                    + "try { return await task; } catch { _entries.TryRemove(new KeyValuePair<int, Lazy<Task<long>>>(key, lazy)); throw; }  (make the method async).",
            ],
            CacheCheck.Verify),

        Exercise.Define<IInstanceRouter>(
            "09.4",
            ChapterName,
            "Route, report, retry once elsewhere",
            [
                "One attempt is: lease = balancer.Pick(); GET instances[lease.Index] + pathAndQuery; end the lease with how it went. A failed "
                    + "attempt (5xx, or HttpRequestException because the instance is down) gets exactly one more attempt, on another instance.",
                "Loop at most twice. End each lease exactly once: lease.Complete(RequestOutcome.Success) for a status below 500, "
                    + "Complete(RequestOutcome.Failure) for 5xx or HttpRequestException, Complete(RequestOutcome.Cancelled) when the caller's token fired "
                    + "(then rethrow, no retry). Remember the failed lease.Index, and if the next Pick returns it again, Dispose that lease and Pick again.",
                "Nearly the answer: int failed = -1; for (int attempt = 1; ; attempt++) { using var lease = PickNot(balancer, failed, instances.Count); "
                    + "try { var r = await client.GetAsync(new Uri(instances[lease.Index], pathAndQuery), ct); bool ok = (int)r.StatusCode < 500; "
                    + "lease.Complete(ok ? RequestOutcome.Success : RequestOutcome.Failure); if (ok || attempt == 2) return r; r.Dispose(); } "
                    + "catch (HttpRequestException) when (attempt < 2) { lease.Complete(RequestOutcome.Failure); } failed = lease.Index; }",
            ],
            RouterCheck.Verify),
    ];
}
