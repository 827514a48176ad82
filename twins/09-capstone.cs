#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 09 · Capstone: a quote service under load, as a C# file-based app: the twin of notebooks/09-capstone.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/09-capstone.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/09-capstone.cs    every demonstration; charts go to out/twins/09-capstone/
//     dotnet run twins/09-capstone.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/09-capstone.cs -- --check 09.1 --hint 2   one exercise; a failed check prints hint 2

using System;
using System.Text;
using System.Collections;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Linq;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Workbook;
using Workbook.Charts;
using Workbook.Measurement;
using Workbook.Exercises;
using Workbook.Twins;
using System.Net.Http;
using Workbook.Balancing;
using Workbook.Capstone;
using Workbook.Networking;

Twin.Start("09-capstone", "09 · Capstone: a quote service under load", args);

// # 09 · Capstone: a quote service under load
//
// Eight chapters, eight techniques. Real services need most of them at once, and they interact: moving
// CPU work off the request threads only pays if something stops the line from growing without limit;
// a cache only helps if a thousand simultaneous misses do not all compute; a second server only helps
// if the balancer notices when one dies. In this chapter we build one service step by step, measure
// every step under the same load, and end with numbers: how many times more answers per second the
// final version gives than the naive first one, and how much shorter its slowest responses are.
//
// The service answers `GET /quote?key=K` with the "quote" of product `K`: a CPU-bound computation of a
// few milliseconds (it counts the primes in a block of integers, so every answer is easy to check).
// Clients ask for popular products far more often than for rare ones, as real traffic does.
//
// **You will learn**
//
// - to build an async HTTP front end (Kestrel) whose request threads never do the CPU work themselves (chapters 03 and 05)
// - to move that work into worker processes and await it, with a deadline (chapter 02)
// - to admit work through a bounded channel that answers 503 at once when it is full, instead of letting the line grow (chapter 06)
// - to put a single-flight cache in front of it (chapter 08) and three instances behind a balancer that retries a failure elsewhere (chapter 07)
// - to load-test a service properly: a closed loop for capacity, an open-loop spike for the tail, the same seeded traffic for every configuration
// - to read a tuning pass: each change's effect on throughput and p99, and the final margin over the naive version as a ratio

Twin.Section("The workload: one CPU-heavy answer, unevenly popular keys");
// ## The workload: one CPU-heavy answer, unevenly popular keys
//
// There are 1,000 keys. Computing one quote on the calling thread takes a few milliseconds; the
// service must do it for hundreds of requests a second on two cores.

Twin.Cell(4);
Quotes.Compute(0);                                             // warm up the JIT once
var oneQuote = Stopwatch.StartNew();
long quote7 = Quotes.Compute(7);
Console.WriteLine($"quote of key 7 = {quote7} (primes in {Quotes.Block(7)}), computed in {oneQuote.Elapsed.TotalMilliseconds:N1} ms");
Console.WriteLine($"so two cores can compute at most about {2_000 / oneQuote.Elapsed.TotalMilliseconds:N0} quotes per second");

// Which keys do clients ask for? Web traffic is skewed: a few items are asked for all the time and most
// rarely. `ZipfKeys` draws keys so that the key of rank *r* is asked for in proportion to 1 / r^1.1.
// It is **seeded** (seed 9), so every configuration we measure later sees exactly the same sequence of
// keys, and the comparison is fair. The chart shows the share of all requests that ask for one of the
// top *N* keys: a handful of keys carries most of the traffic, which is what a cache feeds on.

Twin.Cell(6);
var keys = new ZipfKeys(seed: 9);
Console.WriteLine(keys);
int[] tops = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
Twin.Show(Plot.Line(Series.Of("Zipf, exponent 1.1", tops.Select(n => (n, 100 * keys.ShareOfTop(n)))),
    "Share of requests for the N most popular keys", "N most popular keys (log scale)", "% of all requests", logX: true,
    ideal: Series.Of("all keys equally popular", tops.Select(n => (n, 100.0 * n / Quotes.KeyCount)))));
var sample = keys.Take(10_000);
Console.WriteLine($"of 10,000 requests drawn, {sample.Distinct().Count()} different keys; key 0 asked {sample.Count(k => k == 0):N0} times");

// > **Try** `new ZipfKeys(exponent: 0.6)` and `exponent: 1.5`. How does the share of the top 10 change,
// > and what would that do to a cache's hit rate?

Twin.Section("Step 1: the naive service");
// ## Step 1: the naive service
//
// `CapstoneService.StartAsync(config)` starts one instance: Kestrel on 127.0.0.1 with a port the
// operating system picks. `ServiceConfig.Naive` is what most first versions look like: the handler
// computes the quote right on the request thread, every request waits its turn however long the line,
// nothing is cached, one instance. It answers correctly, and bad input gets a 400, not a crash:

Twin.Cell(9);
var naive = await CapstoneService.StartAsync(ServiceConfig.Naive);
var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
Console.WriteLine(naive);
string body = await http.GetStringAsync(naive.QuoteUrl(7));
var bad = await http.GetAsync(naive.QuoteUrl(5_000));
Console.WriteLine($"key 7 -> {body.Trim()};  key 5000 -> {(int)bad.StatusCode} {(await bad.Content.ReadAsStringAsync()).Trim()}");
Claim.That(long.Parse(body) == quote7, "the service's quote of key 7 is the one we computed ourselves");
Claim.That((int)bad.StatusCode == 400, "a key out of range gets 400 Bad Request");
await naive.DisposeAsync();

Twin.Section("Step 2: CPU work in worker processes, awaited");
// ## Step 2: CPU work in worker processes, awaited
//
// What happens to the naive service under load? Its request threads are thread-pool threads, and every
// one of them is busy counting primes. A request that needs no CPU at all, `GET /health`, has to wait
// for a free thread too. `ResponsivenessProbe` keeps the service busy with 32 users and meanwhile
// times a `/health` request every 20 ms.
//
// The fix is chapter 02 plus chapter 03: `ServiceConfig.WithWorkers` sends each quote as a work item
// to two **worker processes** (one per core) and **awaits** the result. While a quote is being
// computed, the request's thread goes back to the pool and serves other requests. Checkpoint **09.1**
// asks you to write that handler. Both versions, one after the other, with the same load:

Twin.Cell(11);
var probes = new List<(string Name, ProbeResult Result)>();
foreach (var config in new[] { ServiceConfig.Naive, ServiceConfig.WithWorkers })
{
    var service = await CapstoneService.StartAsync(config);
    try { probes.Add((config.Name, await ResponsivenessProbe.RunAsync(service, new ZipfKeys(seed: 9), clients: 32, TimeSpan.FromSeconds(2)))); }
    finally { await service.DisposeAsync(); }
}
foreach (var (name, probe) in probes) Console.WriteLine($"{name,-20} quotes: {probe.Load.Successes / probe.Load.Elapsed.TotalSeconds,6:N0}/s | {probe}");
Console.WriteLine($"/health p99: naive is {probes[0].Result.HealthP99 / probes[1].Result.HealthP99:N1}x slower than with worker processes");
Twin.Show(Plot.Percentiles(probes.Select(p => (p.Name, (IEnumerable<double>)p.Result.HealthMilliseconds)), "GET /health while 32 users ask for quotes", "response time (ms)"));

// What to see: the two lines are the `/health` response times at each percentile. For the naive
// service, a request that needs no work at all still waits behind the prime counting, most of all in
// the tail; with worker processes the front end stays responsive, because its threads only wait
// asynchronously. The quote throughput is bounded by the same two cores either way (the hop to another
// process even costs a little): this step buys responsiveness, not capacity.
//
// > **Try** `ServiceConfig.WithWorkers with { Workers = 1 }`: one process on a two-core machine. What
// > happens to the quote throughput, and to `/health`?

Twin.Section("Step 3: a bounded queue that says no");
// ## Step 3: a bounded queue that says no
//
// With workers, requests wait for a worker without holding a thread, so nothing stops the line from
// growing: under a spike of more requests than the workers can handle, every request waits behind
// everyone who came before it, and after a while *all* of them are too slow. A bounded queue (chapter
// 06) is admission control: at most `QueueCapacity` jobs wait, and when the queue is full the service
// answers **503 Service Unavailable** with `Retry-After: 1` at once. A fast "no" costs the client
// nothing and keeps the answers that *are* given fast. Checkpoint **09.2** asks you to build the queue.
//
// Here a deliberately tiny queue (4 waiting jobs, one worker) meets 60 requests at once; every request
// must end as exactly one of "answered" or "turned away":

Twin.Cell(14);
var tiny = await CapstoneService.StartAsync(ServiceConfig.WithQueue with { Workers = 1, QueueCapacity = 4, Consumers = 1 });
var burst = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => http.GetAsync(tiny.QuoteUrl(100 + i))));
var codes = burst.GroupBy(r => (int)r.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
Console.WriteLine($"60 requests at once -> {string.Join(", ", codes)}");
Console.WriteLine(tiny.Stats);
Claim.That(tiny.Stats.Answered + tiny.Stats.Rejected == 60 && burst.All(r => (int)r.StatusCode is 200 or 503),
    "every request was either answered (200) or turned away at once (503): none lost, none timed out");
await tiny.DisposeAsync();

// > **Try** `QueueCapacity = 64`. Now all 60 fit in the queue: how long does the last one wait?

Twin.Section("Step 4: a single-flight cache");
// ## Step 4: a single-flight cache
//
// A quote does not change, so the service can keep it. The naive cache (look up; on a miss, compute and
// store) has a flaw under concurrency: when a popular key is not yet cached, every request that arrives
// before the first computation ends misses too, and all of them compute the same thing, a **cache
// stampede**. A single-flight cache stores the *pending* computation at the first miss, so the others
// await that one. Checkpoint **09.3** asks you to build it. 200 simultaneous requests for one cold key:

Twin.Cell(17);
var cached = await CapstoneService.StartAsync(ServiceConfig.WithCache);
var same = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => http.GetStringAsync(cached.QuoteUrl(42))));
Console.WriteLine(cached.Stats);
Claim.That(same.All(b => long.Parse(b) == Quotes.Compute(42)), "all 200 got the right quote");
Claim.That(cached.Stats.Computations == 1, "and it was computed exactly once: the other 199 shared that computation");
await cached.DisposeAsync();

Twin.Section("Step 5: three instances behind a balancer, with failover");
// ## Step 5: three instances behind a balancer, with failover
//
// `ServiceConfig.Final` runs three instances of step 4 (one worker process each, so the machine's two
// cores stay fully used) that **share one cache**, as instances share a Redis or memcached tier in
// production: with a cache each, every instance would compute every popular key once more, and the
// hits would be split three ways. In front of them, a **power-of-two-choices** balancer (chapter 07)
// ejects an instance after three failures in a row, and a failed request is retried **once, on another
// instance**. Checkpoint
// **09.4** asks you to write that router. A `ServiceFarm` starts the instances; its `Route` wraps a
// client's handler so every request goes through the balancer. We stop one instance, as if its machine
// had died, and send 90 requests:

Twin.Cell(19);
var farm = await ServiceFarm.StartAsync(ServiceConfig.Final);
Console.WriteLine(farm);
await farm.StopInstanceAsync(1);
var afterCrash = await LoadGenerator.RunAsync(QuoteLoad.Closed(farm, new ZipfKeys(seed: 9), clients: 6, TimeSpan.FromSeconds(1)) with { Duration = null, TotalRequests = 90 });
Console.WriteLine(afterCrash);
Console.WriteLine($"answered by: {string.Join(", ", afterCrash.ByBackend.OrderBy(b => b.Key).Select(b => $"{b.Key} {b.Value}"))}");
Claim.That(afterCrash.Requests == 90 && afterCrash.Errors == 0, "with one instance down, all 90 requests were answered");
Claim.That(!afterCrash.ByBackend.ContainsKey("instance1"), "and none by the stopped instance");
await farm.DisposeAsync();

// > **Try** `ServiceConfig.Final with { Balancer = "round-robin" }`, and stop instance 0 instead.

Twin.Section("The load test and the tuning pass");
// ## The load test and the tuning pass
//
// Now every step under the same load, one after the other so they never compete for the cores.
// `TuningPass.RunAsync` measures each configuration of `ServiceConfig.Staircase` the same way:
//
// 1. start it cold (fresh processes, empty cache) and warm it up for 1 s;
// 2. **capacity**: 32 users who send their next request as soon as the last is answered (a *closed
//    loop*), for 2 s: how many answers per second can it give?
// 3. **spike**: requests arriving at a fixed rate, three times what the naive version can serve, whether or
//    not earlier ones were answered (an *open loop*, like real users), for 1.5 s: what happens to the
//    tail when demand exceeds capacity?
//
// The keys come from the same seeded Zipf sequence every time. This takes about half a minute.

Twin.Cell(22);
var report = await TuningPass.RunAsync();   // ServiceConfig.Staircase, measured with the default TuningOptions
Console.WriteLine(report);

Twin.Section("Throughput: each change, one bar", level: 3);
// ### Throughput: each change, one bar
//
// Read the bars left to right; the dashed line is the naive level. Worker processes add no capacity
// (the same two cores do the same work, now with a hop to another process) but free the request
// threads, as step 2 showed. The bounded queue hardly matters while only 32 users ask. The cache is the
// big step: most requests ask for popular keys that are already computed, so the same cores serve
// several times the answers. Three instances **on one two-core machine** cannot add cores: compare their
// bar with the cache's, and the difference is the cost of the extra processes and the balancing hop
// against the bigger share of a busy machine that three worker processes win. What they certainly buy
// here is step 5's failover; on three machines they would also bring three times the cores for the
// misses. Expect every bar to move by tens of percent from run to run on a shared machine.

Twin.Cell(24);
Twin.Show(TuningCharts.Throughput(report));
foreach (var (before, after) in report.Steps.Zip(report.Steps.Skip(1)))
    Console.WriteLine($"{after.Name,-20} {after.Throughput / before.Throughput,5:N2}x the answers/s of '{before.Name}'");

Twin.Section("The tail: p99 in the capacity run and in the spike", level: 3);
// ### The tail: p99 in the capacity run and in the spike
//
// The same steps, by their 99th-percentile response time (log scale; the dashed line is the 5 s
// deadline after which the service answers 504). The spike sends three times what the naive version
// could serve. Without a limit the line grows for as long as the spike lasts: each second of the spike
// adds two seconds of work, and the spike's p99 climbs towards the deadline. The bounded queue caps the
// wait at about 32 jobs' worth instead: the excess is turned away at once (the orange part of the
// second chart), and the answers that are given come back sooner. With the cache most of the spike
// needs no computation, and far less (or nothing) has to be turned away.

Twin.Cell(26);
Twin.Show(TuningCharts.P99(report));
Twin.Show(TuningCharts.SpikeOutcomes(report));

Twin.Section("The margin", level: 3);
// ### The margin
//
// The final configuration against the naive one, measured in the same run, on the same machine,
// with the same keys:

Twin.Cell(28);
Console.WriteLine($"throughput: {report.Last.Throughput:N0} vs {report.First.Throughput:N0} answers/s = {report.ThroughputRatio:N1}x");
Console.WriteLine($"spike p99:  {report.Last.SpikeP99.TotalMilliseconds:N0} vs {report.First.SpikeP99.TotalMilliseconds:N0} ms = {report.P99Ratio:N1}x shorter");
Console.WriteLine($"spike answered: {report.Last.SpikeAnswered:P0} vs {report.First.SpikeAnswered:P0}");
Console.WriteLine($"quotes computed per answer: naive {1 - report.First.HitRate:N2}, final {1 - report.Last.HitRate:N2}");
Claim.That(report.P99Ratio >= 3,
    "the margin this chapter promises: under the spike, the final version's p99 is at least 3x shorter than the naive one's",
    $"{report.P99Ratio:N1}x in this run");
Claim.That(report.Last.HitRate > 0.4 && report.First.HitRate == 0,
    "counted, not timed: the naive version computed every answer, the final one at most 60% of them",
    $"final: {report.Last.CapacityStats.Computations:N0} computations for {report.Last.CapacityStats.Answered:N0} answers");

// The two ratios are measurements of this run, and they move from run to run on a small shared
// machine (the spike's p99 most of all, because it depends on how far the spike exceeds each
// configuration's capacity). Two things are claimed. The margin: under the spike the final version's
// p99 is at least 3× shorter than the naive one's (runs on a busy 2-core machine measured 14× to 24×;
// the naive version's line grows for the whole spike, the final one turns the excess away at once and
// answers most requests from the cache). And **why** the final version wins, counted rather than timed:
// the naive version computes every answer, the final one only its misses (the claim allows up to 60%, a
// margin a slow run cannot break; a typical run computes about a quarter to a third). The throughput
// ratio is printed, not claimed: on two shared cores it moved between 1.2× and 5.3× from run to run.
//
// > **Try** a tuning pass of your own: `TuningPass.RunAsync([ServiceConfig.Naive, ServiceConfig.WithQueue with { Name = "queue of 8", QueueCapacity = 8 }], new TuningOptions { SpikeFactor = 4 })`.
// > Which queue length gives the best spike p99 without turning away more than necessary?

Twin.Section("Exercises");
// ## Exercises
//
// Four checkpoints, one per building step. Each has a stub cell (replace the `TODO`), a check cell and a
// hint cell (run it again for a more specific hint). The checkers drive your code with controllable fake
// workers and instances, so they check behaviour (what runs where, how often, in which order), not speed.
//
Twin.Section("09.1 A handler that awaits the workers", level: 3);
// ### 09.1 A handler that awaits the workers
//
// Implement `IQuoteHandler.HandleAsync(key, workers, deadline, requestAborted)`: reject a bad key with
// `Quotes.Validate(key)` before any work; run `Quotes.WorkFor(key)` on `workers` instead of computing
// here, and **await** it (never `.Result`); and give the work a token that is cancelled when the request
// is aborted **or** the deadline has passed, whichever comes first. Return the result's `Value`.

Twin.Cell(32);
var check091 = Twin.Check("09.1", () => new QuoteHandler());

Twin.Cell(33);
Twin.Hint("09.1");

Twin.Section("09.2 A bounded queue that says no", level: 3);
// ### 09.2 A bounded queue that says no
//
// Implement `IAdmissionQueue`: `Start(capacity, consumers, work)` creates a bounded channel and starts
// `consumers` loops; `TryEnqueue(key, token)` returns the job's eventual result, or `null` **at once**
// when `capacity` jobs are already waiting. Each consumer runs one job at a time; a job whose token was
// cancelled while it waited is cancelled without running; every accepted job ends exactly once; after
// `DisposeAsync` nothing is left unfinished.

Twin.Cell(36);
var check092 = Twin.Check("09.2", () => new BoundedAdmission());

Twin.Cell(37);
Twin.Hint("09.2");

Twin.Section("09.3 A single-flight cache", level: 3);
// ### 09.3 A single-flight cache
//
// Implement `IQuoteCache.GetOrComputeAsync(key, compute)`: a stored value is returned without calling
// `compute`; concurrent callers for a key being computed share that one computation; a computation that
// fails is not stored, so the next call tries again; and one slow key never holds up another.

Twin.Cell(40);
var check093 = Twin.Check("09.3", () => new QuoteCache());

Twin.Cell(41);
Twin.Hint("09.3");

Twin.Section("09.4 Route, report, retry once elsewhere", level: 3);
// ### 09.4 Route, report, retry once elsewhere
//
// Implement `IInstanceRouter.SendAsync(client, balancer, instances, pathAndQuery, token)`: take a lease
// with `balancer.Pick()`, send the GET to `instances[lease.Index]`, and end the lease exactly once with
// the attempt's outcome. A failed attempt (5xx, or `HttpRequestException` because the instance is down)
// gets **one** more attempt, on a **different** instance; cancellation passes straight through.

Twin.Cell(44);
var check094 = Twin.Check("09.4", () => new RetryOnceRouter());

Twin.Cell(45);
Twin.Hint("09.4");

Twin.Section("Your parts in the real service", level: 3);
// ### Your parts in the real service
//
// When all four checkpoints pass, this cell builds the final configuration from **your** parts instead
// of the library's and sends it the load test's traffic. (Until then it says what is missing.)

Twin.Cell(47);
var mine = new[] { check091, check092, check093, check094 };
if (mine.All(c => c.Passed))
{
    var yours = ServiceConfig.Final with { Name = "yours", Parts = new() { Handler = () => new QuoteHandler(), Queue = () => new BoundedAdmission(), Cache = () => new QuoteCache(), Router = () => new RetryOnceRouter() } };
    var result = await ServiceFarm.UseAsync(yours, (f, ct) => LoadGenerator.RunAsync(QuoteLoad.Closed(f, new ZipfKeys(seed: 9), 32, TimeSpan.FromSeconds(1.5)), ct));
    Console.WriteLine($"{yours.Parts}: {result.Successes / result.Elapsed.TotalSeconds:N0} answers/s, p99 {result.P99.TotalMilliseconds:N0} ms, {result.Errors} errors");
    Claim.That(result.Errors == 0 && result.Successes > 0, "the service built from your parts answered every request");
}
else Console.WriteLine($"not yet: finish checkpoint{(mine.Count(c => !c.Passed) == 1 ? "" : "s")} {string.Join(", ", mine.Where(c => !c.Passed).Select(c => c.ExerciseId))} first");

Twin.Section("Recap");
// ## Recap
//
// - A service is a pipeline, and each stage needs a different technique: an **async front end** whose
//   threads only wait, **worker processes** for the CPU work (true parallelism, crash isolation), a
//   **bounded queue** that says no early, a **single-flight cache** so popular keys are computed once, and
//   **several instances** behind a **load-aware balancer** that retries a failure once, elsewhere.
// - Measure a service twice: a **closed loop** tells you its capacity, an **open-loop spike** tells you
//   what its users feel when demand exceeds it. Under a spike, an unbounded line makes *every* answer
//   slow; a bounded one keeps the answers that are given fast.
// - Compare configurations in **one run**, one at a time, each cold, with the **same seeded traffic**;
//   report ratios, and claim only what survives a noisy machine (here: a spike p99 at least 3× shorter,
//   and a count of computations that shows why).
// - In this run the final configuration gave the throughput ratio and the spike p99 ratio printed in
//   "The margin" above.
//
// Previous: [08 · Tuning](08-tuning.ipynb) · Next: [10 · Python side by side](10-python-side-by-side.ipynb)

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 09.1 (notebook cell 31) ═══
// ## Exercises
//
// Four checkpoints, one per building step. Each has a stub cell (replace the `TODO`), a check cell and a
// hint cell (run it again for a more specific hint). The checkers drive your code with controllable fake
// workers and instances, so they check behaviour (what runs where, how often, in which order), not speed.
//
// ### 09.1 A handler that awaits the workers
//
// Implement `IQuoteHandler.HandleAsync(key, workers, deadline, requestAborted)`: reject a bad key with
// `Quotes.Validate(key)` before any work; run `Quotes.WorkFor(key)` on `workers` instead of computing
// here, and **await** it (never `.Result`); and give the work a token that is cancelled when the request
// is aborted **or** the deadline has passed, whichever comes first. Return the result's `Value`.
//
// Check it: dotnet run twins/09-capstone.cs -- --check 09.1
//
// Exercise 09.1: A handler that awaits the workers
// TODO: validate the key, send Quotes.WorkFor(key) to the workers and await it, bounded by the deadline and the request.
public sealed class QuoteHandler : IQuoteHandler
{
    public Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted) =>
        throw new NotImplementedException();
}

// ═══ Exercise 09.2 (notebook cell 35) ═══
// ### 09.2 A bounded queue that says no
//
// Implement `IAdmissionQueue`: `Start(capacity, consumers, work)` creates a bounded channel and starts
// `consumers` loops; `TryEnqueue(key, token)` returns the job's eventual result, or `null` **at once**
// when `capacity` jobs are already waiting. Each consumer runs one job at a time; a job whose token was
// cancelled while it waited is cancelled without running; every accepted job ends exactly once; after
// `DisposeAsync` nothing is left unfinished.
//
// Check it: dotnet run twins/09-capstone.cs -- --check 09.2
//
// Exercise 09.2: A bounded queue that says no
// TODO: a bounded channel of jobs, TryWrite at the door, `consumers` loops that run one job at a time.
public sealed class BoundedAdmission : IAdmissionQueue
{
    public void Start(int capacity, int consumers, Func<int, CancellationToken, Task<long>> work) => throw new NotImplementedException();

    public Task<long>? TryEnqueue(int key, CancellationToken cancellationToken) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;   // and here: complete the channel, cancel what still waits, await the consumers
}

// ═══ Exercise 09.3 (notebook cell 39) ═══
// ### 09.3 A single-flight cache
//
// Implement `IQuoteCache.GetOrComputeAsync(key, compute)`: a stored value is returned without calling
// `compute`; concurrent callers for a key being computed share that one computation; a computation that
// fails is not stored, so the next call tries again; and one slow key never holds up another.
//
// Check it: dotnet run twins/09-capstone.cs -- --check 09.3
//
// Exercise 09.3: A single-flight cache
// TODO: store each key's pending computation so concurrent requests share it; forget failures.
public sealed class QuoteCache : IQuoteCache
{
    public Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute) => throw new NotImplementedException();
}

// ═══ Exercise 09.4 (notebook cell 43) ═══
// ### 09.4 Route, report, retry once elsewhere
//
// Implement `IInstanceRouter.SendAsync(client, balancer, instances, pathAndQuery, token)`: take a lease
// with `balancer.Pick()`, send the GET to `instances[lease.Index]`, and end the lease exactly once with
// the attempt's outcome. A failed attempt (5xx, or `HttpRequestException` because the instance is down)
// gets **one** more attempt, on a **different** instance; cancellation passes straight through.
//
// Check it: dotnet run twins/09-capstone.cs -- --check 09.4
//
// Exercise 09.4: Route, report, retry once elsewhere
// TODO: pick, send to instances[lease.Index], end the lease with the outcome, retry a failure once on another instance.
public sealed class RetryOnceRouter : IInstanceRouter
{
    public Task<HttpResponseMessage> SendAsync(HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
