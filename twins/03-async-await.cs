#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 03 · Async/await, as a C# file-based app: the twin of notebooks/03-async-await.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/03-async-await.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/03-async-await.cs    every demonstration; charts go to out/twins/03-async-await/
//     dotnet run twins/03-async-await.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/03-async-await.cs -- --check 03.1 --hint 2   one exercise; a failed check prints hint 2

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
using Workbook.Async;

Twin.Start("03-async-await", "03 · Async/await", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("03.1", () => new ThrottledFetcher());
    Twin.Check("03.2", () => new ReplicaRace());
    Twin.Check("03.3", () => new AsyncOrderHandler());
    Twin.Done();
    return;
}

// # 03 · Async/await
//
// A web server spends most of its life *waiting*: for the database, for another service, for the
// disk, for the client to send the next byte. If every waiting request holds an OS thread, ten
// thousand slow requests need ten thousand threads, each with its own stack, and the machine runs out
// of memory or scheduler patience long before it runs out of CPU. `async`/`await` lets a request
// *give its thread back* while it waits, so a handful of threads can keep a hundred thousand requests
// in flight. This is the .NET counterpart of Python's `asyncio`, and it is what ASP.NET Core, `HttpClient`
// and almost every modern .NET I/O API are built on.
//
// The price is a new set of mistakes: blocking on a task (`.Result`) in the wrong place can freeze a
// whole server, `async void` can crash it, and fire-and-forget work keeps running after nobody wants it.
// This chapter measures the benefit and then provokes each mistake, safely, so you recognise it.
//
// **You will learn**
//
// - what a `Task` is, what `await` does to the thread, and how `Task.WhenAll` / `Task.WhenAny` combine tasks
// - why `await` helps I/O-bound work but not CPU-bound work, measured side by side
// - what 100,000 concurrent waits cost as tasks compared with 2,000 waits as OS threads, in time and memory
// - how to limit concurrency with `SemaphoreSlim` and `Parallel.ForEachAsync`, against the ideal curve
// - cancellation and timeouts (`CancelAfter`, `WaitAsync`), exceptions from `WhenAll`, and the `async void` trap
// - thread-pool starvation: watch sync-over-async freeze the pool, and fix it

Twin.Cell(3);
Console.WriteLine($"{Environment.ProcessorCount} cores; thread pool: {ThreadPool.ThreadCount} threads now");

Twin.Section("Tasks and await");
// ## Tasks and await
//
// A `Task` is a promise: an object that will, at some point, hold a result (or an exception). `await`
// on an unfinished task does not wait the way `Thread.Sleep` or `.Result` does. It **returns from the
// method** to its caller, leaving the rest of the method behind as a *continuation* that the task runs
// when it completes. During the wait, no thread is stuck inside your method; the thread goes back to
// the pool to do other work. When the result arrives, any free pool thread picks the continuation up.
//
// `Task.Delay` stands in for I/O throughout this chapter: like a real network call, it holds no thread
// while it waits (a timer fires when it is due). Watch the thread id change across the `await`:

Twin.Cell(5);
async Task<string> FetchAsync(string name, int milliseconds)
{
    await Task.Delay(milliseconds);          // the method returns to its caller here...
    return $"{name} after {milliseconds} ms"; // ...and resumes here, on whichever pool thread is free
}

Console.WriteLine($"before the await: thread {Environment.CurrentManagedThreadId}");
string reply = await FetchAsync("config", 100);
Console.WriteLine($"after the await:  thread {Environment.CurrentManagedThreadId}, got \"{reply}\"");

// The thread may or may not be the same one; either is normal. What matters is that no thread sat
// blocked for those 100 ms.
//
// Awaiting calls one after another still *takes* as long as all of them together. To overlap waits,
// start every call first and then await them together with `Task.WhenAll`, which completes when all
// of its tasks have and returns their results **in the order you passed them**, whatever order they
// finished in. The timeline shows four calls awaited one by one (lane A), then the same four
// started together (lanes B):

Twin.Cell(7);
var timeline = new ActivityRecorder();
async Task<int> CallAsync(string lane, int ms)
{
    using (timeline.Record($"{ms} ms call", lane)) await Task.Delay(ms);
    return ms;
}

int[] latencies = [120, 80, 150, 60];
var oneByOne = await Measure.OnceAsync(async () =>
{
    foreach (int ms in latencies) await CallAsync("A: one by one", ms);
});
int[] results = [];
var together = await Measure.OnceAsync(async () =>
    results = await Task.WhenAll(latencies.Select((ms, i) => CallAsync($"B: WhenAll {i + 1}", ms))));
Console.WriteLine($"one by one {oneByOne.TotalMilliseconds:0} ms (the sum, {latencies.Sum()} ms); "
    + $"WhenAll {together.TotalMilliseconds:0} ms (the longest, {latencies.Max()} ms): {oneByOne / together:0.0}x faster");
Claim.That(results.SequenceEqual(latencies), "WhenAll returned the results in the order the tasks were passed, not the order they finished");
Twin.Show(Plot.Timeline(timeline, "Four calls: awaited one by one, then started together with Task.WhenAll"));

// In the chart, lane A's four bars sit end to end; the four `WhenAll` bars (lanes B) start at the same
// moment, and the batch ends with the longest call.
//
// `Task.WhenAny` completes as soon as *one* task does and hands you that task. It is how you race
// replicas or implement a timeout. Note what it does **not** do: the other tasks keep running.

Twin.Cell(9);
var regions = new (string Name, int Ms)[] { ("eu", 140), ("us", 60), ("asia", 200) };
List<Task<string>> replicas = regions.Select(async r => { await Task.Delay(r.Ms); return r.Name; }).ToList();
Task<string> first = await Task.WhenAny(replicas);
Console.WriteLine($"first answer: {await first}; replicas still running: {replicas.Count(t => !t.IsCompleted)}");
await Task.WhenAll(replicas);   // let the losers finish before moving on

// The two losers went on working for an answer nobody wanted. Stopping them takes a
// `CancellationToken` (later in this chapter), and exercise 03.2 builds the full pattern.
//
// > **Try** a third batch in the timeline cell: start the four calls first
// > (`var started = latencies.Select(ms => CallAsync("C: started, then awaited", ms)).ToList();`) and only then
// > await them one by one in a loop. Does awaiting them one at a time make lane C look like lane A or like lanes B?

Twin.Section("I/O-bound vs CPU-bound work");
// ## I/O-bound vs CPU-bound work
//
// `await` frees the thread **while something else does the work**: the network card, the disk, a
// timer, another server. If the "work" is your own computation, there is nothing to wait for: a method
// marked `async` that computes for 50 ms occupies its thread for those 50 ms, `await` or not, and it
// even runs synchronously on the caller's thread until its first real `await`. CPU work needs *threads*
// (and, to run in parallel, *cores*): `Task.Run` hands it to the thread pool.
//
// The next cell runs 8 operations of 50 ms each, as I/O waits and as CPU work (a fixed amount of
// computation calibrated to take 50 ms on one core), in three styles: awaited one after another, started
// together with `Task.WhenAll`, and each wrapped in `Task.Run` and then `WhenAll`. Each batch runs five
// times and the fastest try counts: other programs on the machine can only ever slow a batch down.

Twin.Cell(12);
var kinds = await WorkKinds.CompareAsync(operations: 8, each: TimeSpan.FromMilliseconds(50));
foreach (var k in kinds) Console.WriteLine(k);
double Speedup(string work, WorkStyle style) => kinds.Single(k => k.Work == work && k.Style == style) is var run ? run.Single * run.Operations / run.Elapsed : 0;
Console.WriteLine($"speed-up over one after another: I/O with WhenAll {Speedup(WorkKinds.IoWait, WorkStyle.WhenAll):0.0}x; CPU with WhenAll "
    + $"{Speedup(WorkKinds.CpuWork, WorkStyle.WhenAll):0.0}x, with Task.Run {Speedup(WorkKinds.CpuWork, WorkStyle.TaskRunWhenAll):0.0}x on {Environment.ProcessorCount} cores");
Twin.Show(Plot.GroupedBar(kinds.Select(k => (k.Work, k.Style.ToString(), k.RelativeToOne)),
    "8 operations of 50 ms: time relative to one operation", "how the 8 operations were run", "elapsed ÷ one operation (×)"));

// Each bar is measured against one operation *of the same run* (the one-after-another batch divided
// by 8), so the first pair is 8 by definition. Read the bars in pairs. **I/O**: `WhenAll` costs about
// one operation, with or without `Task.Run`, because no thread is needed while waiting. **CPU**:
// `WhenAll` alone still costs about 8, because each "async" computation ran to completion on the calling
// thread before the next one even started; only `Task.Run` spreads the work over threads, and then the
// cores are the limit: on an otherwise idle 2-core machine expect about 8 ÷ 2 = 4 (more if other
// programs are using the cores, as on a shared build machine).
//
// So: **await I/O; put CPU work on threads** (and keep the number of CPU-busy threads near the core
// count). Chapter 01 measured the CPU side in detail.
//
// > **Try** `operations: 16`. Which bars double, and which stay put?

Twin.Section("Fan-out at scale: 100,000 waits");
// ## Fan-out at scale: 100,000 waits
//
// How far does this go? The next cells keep *N* waits of 100 ms pending at once, two ways:
//
// - **tasks**: N async operations, each `await Task.Delay(100 ms)`, joined with `Task.WhenAll`;
// - **threads**: N OS threads, each `Thread.Sleep(100 ms)`, joined with `Thread.Join`.
//
// Both create their N operations parked at a start line and then release them together. Memory is
// sampled while all N are pending (threads while parked at the start line, tasks once each has started
// its `Task.Delay`), after a full garbage collection beforehand so that earlier garbage does not count.
// Wall time is measured from the first operation created to the last one finished, and reported
// **relative to one wait**: 1.0 would mean all N overlapped perfectly.
//
// The thread runs stop at 2,000. Each OS thread gets a stack (typically 8 MB of address space reserved
// on Linux, 1 MB on Windows, of which only the touched pages become real memory), a kernel thread object
// and a slot in the scheduler; creating one takes tens of microseconds to milliseconds on a busy machine.
// A few thousand are fine; 100,000 would hit the operating system's limits (more below), so the library
// refuses more than `FanOut.MaxThreads`.

Twin.Cell(15);
int threadsBefore = Process.GetCurrentProcess().Threads.Count;   // pool threads earlier cells (or a first run) left behind
var taskRuns = new List<FanOutResult>();
foreach (int n in new[] { 100, 1_000, 10_000, 100_000 })
    taskRuns.Add(await FanOut.TasksAsync(n));
var threadRuns = new List<FanOutResult>();
foreach (int n in new[] { 100, 500, 1_000, 2_000 })
    threadRuns.Add(FanOut.Threads(n));
foreach (var r in taskRuns.Concat(threadRuns)) Console.WriteLine(r);
Claim.That(threadRuns.All(r => r.ProcessThreads >= r.PendingAtSample), "every pending blocking wait had an OS thread of its own");
Claim.That(taskRuns.Where(r => r.Operations >= 10_000).All(r => r.ProcessThreads - threadsBefore < r.Operations / 100), "10,000 and 100,000 pending awaits added fewer threads to the process than 1% of their number");

Twin.Cell(16);
Series Relative(string name, IEnumerable<FanOutResult> runs) => Series.Of(name, runs.Select(r => (r.Operations, r.RelativeToOneWait)));
Twin.Show(Plot.Line([Relative("tasks (await Task.Delay)", taskRuns), Relative("OS threads (Thread.Sleep)", threadRuns)],
    "N concurrent 100 ms waits: wall time relative to one wait", "concurrent waits (log scale)", "elapsed ÷ one wait (×, log scale)",
    ideal: Series.Of("ideal: all overlap (1×)", new[] { (100, 1.0), (100_000, 1.0) }), logX: true, logY: true));

// The task line stays close to the ideal until very large N, where merely creating 100,000 state
// machines and timers starts to show (the `setup` figure above). The thread line climbs with N even
// though each thread does nothing but sleep: most of its time goes into *creating* and starting the
// threads, and waking 2,000 of them at once keeps the scheduler busy too.
//
// Memory tells the sharper story. Per pending wait, a task allocates a few hundred bytes on the managed
// heap (the async state machine, its task, the timer entry), and that is all it holds. A blocked thread
// costs tens of kilobytes of real memory (the pages of its stack and the runtime structures that were
// touched) and reserves megabytes of address space for the stack it might grow:

Twin.Cell(18);
Series PerWait(string name, IEnumerable<FanOutResult> runs, Func<FanOutResult, double> bytes) => Series.Of(name, runs.Select(r => (r.Operations, bytes(r))));
var memoryChart = Plot.Line([
        PerWait("task: managed bytes allocated", taskRuns, r => r.AllocatedBytesPerOperation),
        PerWait("thread: working set (physical)", threadRuns, r => r.WorkingSetBytesPerPending),
        PerWait("thread: address space reserved", threadRuns, r => r.VirtualBytesPerPending)],
    "Memory per pending wait", "concurrent waits (log scale)", "bytes per pending wait (log scale)", logX: true, logY: true);
FanOutResult task1k = taskRuns.Single(r => r.Operations == 1_000), thread1k = threadRuns.Single(r => r.Operations == 1_000);
Console.WriteLine($"at 1,000 waits: a thread costs {thread1k.BytesPerPending / task1k.BytesPerPending:0}x the memory of a task "
    + $"({FanOutResult.Bytes(thread1k.BytesPerPending)} vs {FanOutResult.Bytes(task1k.BytesPerPending)}), and took {thread1k.Setup / task1k.Setup:0}x as long to set up");
Twin.Show(memoryChart);

// Note the log scale: a blocked thread holds tens of times the physical memory of a pending task, and
// reserves tens of thousands of times as much address space. The task line is exact (allocation is counted byte by byte); working-set deltas are noisy,
// because the operating system and the runtime hand out memory in chunks (a small run can even show a
// negative delta, drawn as zero).
//
// Why not simply start 100,000 threads? Multiply the per-thread reservation, and look at the limits
// this operating system sets:

Twin.Cell(20);
double reserved = threadRuns[^1].VirtualBytesPerPending;
Console.WriteLine($"100,000 threads x {FanOutResult.Bytes(reserved)} reserved each = {100_000 * reserved / (1L << 30):N0} GB of address space for stacks");
foreach (var (file, meaning) in new[] {
    ("/proc/sys/kernel/threads-max", "threads in the whole system"),
    ("/proc/sys/vm/max_map_count", "memory mappings per process (each thread stack needs two)"),
    ("/proc/sys/kernel/pid_max", "process and thread ids") })
    if (File.Exists(file)) Console.WriteLine($"{file,-32} {File.ReadAllText(file).Trim(),10}  {meaning}");

// On Linux every thread takes an id from the same space as processes (`pid_max`, 32,768 by default)
// and its stack takes two memory maps (`max_map_count`, about 65,000 per process), so a process
// tops out at about 32,000 threads whatever its memory; long before that, the scheduler spends much of
// its time choosing among threads that have nothing to do. Tasks have no such ceiling: 100,000 pending
// awaits were a few tens of megabytes of ordinary heap.
//
// > **Try** `await FanOut.TasksAsync(1_000_000)`. How does the time relative to one wait change, and how
// > many bytes does each wait allocate now?

Twin.Section("Throttling: SemaphoreSlim and Parallel.ForEachAsync");
// ## Throttling: SemaphoreSlim and Parallel.ForEachAsync
//
// Cheap waits invite a new mistake: starting *everything* at once. Ten thousand simultaneous
// downloads overload the remote server (which may throttle or ban you), exhaust local ports and
// connection pools, and gain nothing once the network is saturated. The fix is a **concurrency limit**:
// at most *k* operations in flight, the next one starting as soon as one finishes.
//
// Two standard ways to do it in .NET:
//
// - `SemaphoreSlim(k)`: start every operation, each first does `await gate.WaitAsync(token)` (a slot,
//   waited for without blocking a thread), then `try { ... } finally { gate.Release(); }`. The `finally`
//   matters: a failing operation must still give its slot back.
// - `Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = k }, body)`: *k* workers
//   each take the next item. Less to get wrong; this is the readable high-level API.
//
// A quick look with the simulated downloader (each download waits 20 ms, and a gauge records how many
// were in flight at once):

Twin.Cell(23);
var server = new SimulatedDownloads(latency: TimeSpan.FromMilliseconds(20));
IReadOnlyList<string> urls = SimulatedDownloads.Urls(100);
var bodies = new ConcurrentBag<string>();
var options = new ParallelOptions { MaxDegreeOfParallelism = 10 };
var elapsed = await Measure.OnceAsync(() => Parallel.ForEachAsync(urls, options, async (url, token) => bodies.Add(await server.FetchAsync(url, token))));
Console.WriteLine($"100 downloads, limit 10: {elapsed.TotalMilliseconds:0} ms (ideal 100 / 10 x 20 ms = 200 ms), peak in flight {server.InFlight.Peak}");
Claim.That(bodies.Count == 100 && server.InFlight.Peak <= 10, "all 100 downloads arrived, and never more than 10 were in flight");

// With limit *k*, N downloads need ceil(N / *k*) rounds of one latency each: the **ideal curve**. The
// sweep below runs N = 100 downloads of 20 ms with both methods at limits from 2 to 100:

Twin.Cell(25);
int[] limits = [2, 4, 5, 10, 20, 25, 50, 100];
var latency = TimeSpan.FromMilliseconds(20);
var semaphoreRuns = await Throttling.SweepAsync(ThrottleMethod.SemaphoreSlim, 100, limits, latency);
var forEachRuns = await Throttling.SweepAsync(ThrottleMethod.ParallelForEachAsync, 100, limits, latency);
foreach (var r in semaphoreRuns.Concat(forEachRuns)) Console.WriteLine(r);
Claim.That(semaphoreRuns.Concat(forEachRuns).All(r => r.Completed == 100 && r.PeakInFlight <= r.Limit), "in every run all 100 downloads completed and the limit was never exceeded");
Series Ms(string name, IEnumerable<ThrottleResult> runs, Func<ThrottleResult, TimeSpan> time) => Series.Of(name, runs.Select(r => (r.Limit, time(r).TotalMilliseconds)));
Twin.Show(Plot.Line([Ms("SemaphoreSlim", semaphoreRuns, r => r.Elapsed), Ms("Parallel.ForEachAsync", forEachRuns, r => r.Elapsed)],
    "100 downloads of 20 ms: completion time vs concurrency limit", "concurrency limit (log scale)", "completion time (ms, log scale)",
    ideal: Ms("ideal: ceil(100 / limit) x 20 ms", semaphoreRuns, r => r.Ideal), logX: true, logY: true));

// Both measured lines hug the dashed ideal: the time halves each time the limit doubles, until the limit
// reaches N and one round is all it takes. The small gap above the ideal is timer granularity and
// scheduling (each `Task.Delay` fires a little late). The limit is therefore a direct dial between
// *load you put on the other side* and *time you take*. In a real system, choose it from what the other
// side can bear, not from how fast you would like to be.
//
// > **Try** `ThrottleMethod.Unlimited` with 100,000 downloads: how many are in flight at once, and
// > what would a real server make of that?

Twin.Section("Cancellation and timeouts");
// ## Cancellation and timeouts
//
// Cancellation in .NET is **cooperative**. A `CancellationTokenSource` owns the right to cancel; the
// `CancellationToken` it hands out is passed down to everything that may take long, and that code
// checks it, or registers with it, and stops by throwing `OperationCanceledException`.
// `CancelAfter(timeout)` turns a source into a timer: the usual way to put a deadline on an operation.

Twin.Cell(28);
var slowServer = new SimulatedDownloads(TimeSpan.FromSeconds(5));
var deadline = new CancellationTokenSource();
deadline.CancelAfter(TimeSpan.FromMilliseconds(150));
var watch = Stopwatch.StartNew();
try { await slowServer.FetchAsync("https://example.test/slow", deadline.Token); }
catch (OperationCanceledException) { Console.WriteLine($"cancelled after {watch.ElapsedMilliseconds} ms; downloads still in flight: {slowServer.InFlight.Current}"); }
deadline.Dispose();
Claim.That(slowServer.InFlight.Current == 0, "cancelling the token stopped the download itself");

// `task.WaitAsync(timeout)` looks similar but means something different: it stops *your waiting*, not
// the work. It throws `TimeoutException` when the time is up, and the task carries on. Use it for work
// you cannot cancel (code that takes no token); otherwise pass a token so the work really stops.

Twin.Cell(30);
var reportServer = new SimulatedDownloads(TimeSpan.FromMilliseconds(600));
Task<string> download = reportServer.FetchAsync("https://example.test/report");   // no token: nothing can stop it
try { await download.WaitAsync(TimeSpan.FromMilliseconds(150)); }
catch (TimeoutException) { Console.WriteLine($"gave up waiting after 150 ms; downloads still in flight: {reportServer.InFlight.Current}"); }
string late = await download;
Claim.That(late == "body of https://example.test/report", "the abandoned download finished anyway: WaitAsync stopped our waiting, not the work");

// > **Try** `var source = new CancellationTokenSource(); source.Cancel(); await Task.Delay(5000, source.Token);`.
// > How long does it take to fail, and what is the exception's exact type? (Then look up how it relates
// > to `OperationCanceledException`.)

Twin.Section("Exceptions from WhenAll");
// ## Exceptions from WhenAll
//
// When several tasks in a `WhenAll` fail, the combined task holds **all** their exceptions in
// `Task.Exception` (an `AggregateException`). But `await` rethrows only **one** of them. Code that just
// awaits sees one failure and never learns about the others. To log or handle all of them, keep the
// `WhenAll` task and read its `Exception` after catching:

Twin.Cell(33);
async Task FailAsync(string what, int afterMs) { await Task.Delay(afterMs); throw new InvalidOperationException($"{what} failed after {afterMs} ms"); }
Task all = Task.WhenAll(FailAsync("A", 30), FailAsync("B", 10), FailAsync("C", 20));
try { await all; }
catch (Exception e) { Console.WriteLine($"await threw one {e.GetType().Name}: {e.Message}"); }
var every = all.Exception!.InnerExceptions;
Console.WriteLine($"all.Exception holds {every.Count}: {string.Join("; ", every.Select(x => x.Message))}");
Claim.That(every.Count == 3, "Task.Exception kept all three failures, although await threw only one");

// Which of the three `await` picks is an implementation detail (here the first stored one); do not
// build logic on it. In exercise 03.1 this rethrow is what lets a failed download reach the caller.

Twin.Section("The async void trap");
// ## The async void trap
//
// An `async void` method returns nothing, so its caller has **no task to await and nowhere to receive
// its exception**. When such a method throws, the exception is posted to the current
// `SynchronizationContext`; with none (console apps, ASP.NET Core, the thread pool), it is rethrown on
// a pool thread, where nothing can catch it, and **the process ends**. `async void` exists for event
// handlers; everywhere else, return `Task`.
//
// Running an exploding `async void` here would end this notebook's process, so the library runs it
// under a synchronization context that captures what escapes. The caller's `try`/`catch` is the
// point: it catches nothing.

Twin.Cell(36);
async void SaveAndForget() { await Task.Delay(20); throw new InvalidOperationException("disk full"); }

var report = AsyncVoidProbe.Run(() =>
{
    try { SaveAndForget(); Console.WriteLine("SaveAndForget() returned normally"); }
    catch (Exception e) { Console.WriteLine($"caller caught {e.Message}"); }   // never runs
});
Console.WriteLine(report);
Claim.That(report.CaughtByCaller is null && report.Escaped.Count == 1, "the exception escaped the caller's try/catch");

// The same method returning `Task` behaves: the exception is stored in the task and thrown where the
// caller awaits it.

Twin.Cell(38);
async Task SaveAsync() { await Task.Delay(20); throw new InvalidOperationException("disk full"); }

string caught = "nothing";
try { await SaveAsync(); }
catch (InvalidOperationException e) { caught = e.Message; }
Claim.That(caught == "disk full", "with async Task, the caller's try/catch caught the exception");

// > **Try** calling `SaveAsync()` without `await` (fire and forget). Nothing crashes, but nothing
// > reports the failure either: the exception sits unobserved in a task nobody looks at.

Twin.Section("Thread-pool starvation");
// ## Thread-pool starvation
//
// The thread pool starts with about one thread per core (its *minimum*). When work queues up, it adds
// threads, but deliberately slowly, because too many threads waste memory and time switching:
//
// - **hill climbing** nudges the thread count up or down while watching throughput;
// - **starvation detection** adds a thread when queued work has made no progress for about half a
//   second, roughly **1 to 2 threads per second** beyond the minimum;
// - since .NET 6, a pool thread that blocks in `Task.Wait`/`.Result` makes the pool **compensate**: a
//   burst of threads without delay (up to about the core count), then one at a time with a delay that
//   grows to 250 ms: at most about **4 threads per second**.
//
// Now combine that with **sync over async**: code that calls an async API and blocks on it
// (`.Result`, `.Wait()`, `.GetAwaiter().GetResult()`). Each blocked request holds a pool thread for
// the whole I/O, so the pool runs only as many requests at once as it has threads, and it adds threads
// slowly. Worse, the I/O's *completion* needs a pool thread too (here the timer callback of
// `Task.Delay`; in a server, the socket completion), and it waits in the same queue as the requests.
// The requests crawl through at the pace at which the pool adds threads, while the CPU sits idle.
//
// The demo queues a burst of simulated requests on the pool, each doing 100 ms of "I/O", and a
// dedicated thread samples `ThreadPool.ThreadCount`, `ThreadPool.PendingWorkItemCount` and the
// requests finished, every 50 ms. Every run is bounded: after 60 s the sampler cancels whatever is
// still waiting, so the notebook cannot hang. (A `CancelAfter` timer would not be enough: timers fire
// on pool threads, which are exactly what a starved pool lacks.)
//
// First the healthy version, async all the way:

Twin.Cell(41);
int requests = StarvationDemo.SuggestedRequests;   // sized so the blocking run below takes several seconds, not minutes
ThreadPool.GetMinThreads(out int minWorkers, out int minIo);
Console.WriteLine($"{requests} requests; pool minimum {minWorkers} worker threads, {ThreadPool.ThreadCount} threads now");
var asyncRun = await StarvationDemo.RunAsync(RequestStyle.Async, requests);
Console.WriteLine(asyncRun);

// Now the same requests written sync-over-async (`Task.Delay(100).Wait()` inside each pool work item).
// This cell takes a while: that is the lesson.

Twin.Cell(43);
var blockingRun = await StarvationDemo.RunAsync(RequestStyle.SyncOverAsync, requests);
Console.WriteLine(blockingRun);
Console.WriteLine($"same {requests} requests, same 100 ms of I/O: blocking took {blockingRun.Elapsed / asyncRun.Elapsed:0}x as long as async");
var oneSecond = blockingRun.Samples.First(s => s.At >= TimeSpan.FromSeconds(1) || s == blockingRun.Samples[^1]);
var end = blockingRun.Samples[^1];
Console.WriteLine($"after the first second, the pool added {(end.Threads - oneSecond.Threads) / Math.Max(0.001, (end.At - oneSecond.At).TotalSeconds):0.0} threads per second");
Claim.That(asyncRun.Completed == requests && blockingRun.Completed == requests && !blockingRun.GaveUp, "every request of both runs completed, none was lost or abandoned");

// The stopgap is to raise the pool's minimum, so it creates threads on demand without delay up to that
// number. The previous run left its threads alive (idle pool threads retire after about 20 s), so to show
// the effect honestly this run doubles the load, beyond the threads already there. **Always restore the
// minimum afterwards**: it is a process-wide setting.

Twin.Cell(45);
ThreadPool.SetMinThreads(2 * requests + Environment.ProcessorCount, minIo);
StarvationRun raisedRun;
try { raisedRun = await StarvationDemo.RunAsync(RequestStyle.SyncOverAsync, 2 * requests); }
finally { ThreadPool.SetMinThreads(minWorkers, minIo); }
Console.WriteLine(raisedRun);
ThreadPool.GetMinThreads(out int restoredWorkers, out _);
Claim.That(restoredWorkers == minWorkers && raisedRun.Completed == 2 * requests, "all requests completed and the pool minimum is back to its original value");
Twin.Show(Plot.Bar([("async", asyncRun.Elapsed.TotalSeconds), ("sync over async", blockingRun.Elapsed.TotalSeconds),
          ("sync over async, raised minimum, 2x load", raisedRun.Elapsed.TotalSeconds)],
    $"Time until every request finished ({requests} requests, 100 ms of I/O each)", "", "seconds"));

Twin.Cell(46);
string raisedName = "sync over async, raised minimum (2x load)";
Twin.Show(Plot.Line([asyncRun.ThreadSeries("async"), blockingRun.ThreadSeries("sync over async"), raisedRun.ThreadSeries(raisedName)],
    "Thread-pool threads while the requests ran", "time since the requests were queued (s)", "pool threads"));

// The **sync-over-async** line is a staircase: a quick burst, then one thread at a time, a few per
// second (the rate printed above). The **async** run is the short stub at the bottom left: it was over in
// about 0.1 s, served by the threads the pool already had. The **raised-minimum** line jumps straight up:
// threads were created as fast as work arrived, up to the new minimum.

Twin.Cell(48);
Twin.Show(Plot.Line([asyncRun.CompletedSeries("async"), blockingRun.CompletedSeries("sync over async"), raisedRun.CompletedSeries(raisedName)],
    "Requests finished over time", "time since the requests were queued (s)", "requests finished"));

Twin.Cell(49);
Twin.Show(Plot.Line([asyncRun.PendingSeries("async"), blockingRun.PendingSeries("sync over async"), raisedRun.PendingSeries(raisedName)],
    "Work items waiting in the pool's queue", "time since the requests were queued (s)", "queued work items"));

// The two lower charts show why. The async requests all finished within about one I/O time. The blocking
// ones finished at a trickle, and the queue drained by roughly one request per new thread: every thread is
// blocked, the timer callbacks that would wake them wait in the same first-in, first-out queue *behind*
// the requests, and each newly added thread takes the item at the head of the queue, another request,
// which blocks it too. Only once the pool has about as many threads as there are queued requests does the
// remainder clear in one last 100 ms round (the final jump). Every request needed just 100 ms of I/O and
// almost no CPU. A real server never reaches the end of its queue, because new requests keep arriving:
// its latency climbs without limit while the CPU sits idle. That is **thread-pool starvation**.
//
// The fixes, in order of preference:
//
// 1. **Go async all the way**: `await` the I/O instead of blocking on it, up through every caller. This
//    is the only real fix; exercise 03.3 is exactly this change.
// 2. As a **stopgap**, raise `ThreadPool.SetMinThreads` to cover the blocking, and restore it later (or
//    set `System.Threading.ThreadPool.MinThreads` in `runtimeconfig.json`). It buys time at the price of
//    memory and context switches, and it breaks again under twice the load.
// 3. Never "fix" it by wrapping the blocking call in `Task.Run`: the blocking moves to another pool
//    thread, and the pool starves just the same.
//
// Blocking can also be shown without any timing at all. The probe below runs 8 order handlers at once
// on only **2 threads**, against an inventory whose calls complete only after all 8 handlers have made
// them, a model of "the completion needs a thread that the waiters are holding". A handler that blocks
// deadlocks every time; one that awaits passes every time:

Twin.Cell(51);
var probe = HandlerProbe.Run(new BlockingOrderHandler(), orders: 8, threads: 2);
Console.WriteLine(probe);
Claim.That(probe.Deadlocked && probe.Reserved == 2, "with blocking handlers only 2 of 8 orders ever started: one per thread, and both threads stuck");

// > **Try** `HandlerProbe.Run(new BlockingOrderHandler(), orders: 8, threads: 8)`: enough threads hide
// > the bug. Now 9 orders on those 8 threads.

Twin.Section("Exercises");
// ## Exercises
//
// Each exercise has a stub cell to complete and a check cell. Run the stub cell after editing it, then
// the check. `Exercises.Hint("03.1")` prints a hint; each further call is more specific.
//
Twin.Section("03.1 Fan out with a concurrency limit", level: 3);
// ### 03.1 Fan out with a concurrency limit
//
// Write `FetchAllAsync`: fetch every URL with `fetch(url, token)`, with at most `limit` fetches in flight
// at once, and return the bodies **in the order of `urls`** (`result[i]` is the body of `urls[i]`), however
// the fetches finish. A fetch that throws must not stall the others (its slot must be freed) and its
// exception must reach the caller. Cancelling the token stops both waiting and in-flight fetches.
//
// The check's fake server counts fetches in flight: it fails answers that ignore the limit, run one at a
// time, work in batches, return bodies in completion order, leak a slot when a fetch throws, or ignore
// cancellation.

Twin.Cell(55);
Twin.Check("03.1", () => new ThrottledFetcher());

Twin.Section("03.2 First answer wins, losers are cancelled", level: 3);
// ### 03.2 First answer wins, losers are cancelled
//
// A *hedged request* asks several replicas the same question and takes the first good answer. Write
// `FirstOrTimeoutAsync`:
//
// - start every replica at once, each with a token you cancel as soon as the race is decided;
// - the first replica to **succeed** wins; a replica that fails does not decide the race;
// - if every replica fails, throw (their exceptions; never a made-up value);
// - if no replica succeeds within `timeout`, throw `TimeoutException`;
// - if the caller cancels `cancellationToken`, throw `OperationCanceledException`.
//
// The check controls each replica's outcome and watches its token.

Twin.Cell(58);
Twin.Check("03.2", () => new ReplicaRace());

Twin.Section("03.3 Fix a thread-pool starvation bug", level: 3);
// ### 03.3 Fix a thread-pool starvation bug
//
// This handler, from the probe above, gives correct receipts but blocks its thread on every inventory call:
//
// ```csharp
// public Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
// {
//     int reservation = inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken).Result;
//     decimal price = inventory.PriceAsync(order.Sku, cancellationToken).GetAwaiter().GetResult();
//     return Task.FromResult(new Receipt(order.Id, reservation, price * order.Quantity));
// }
// ```
//
// Rewrite it so that no thread ever waits while an inventory call is in flight. The check runs many
// handlers on one or two threads against the gated inventory: any blocking wait deadlocks (and is
// reported with how far the handlers got), and so is moving the blocking elsewhere with `Task.Run`.

Twin.Cell(61);
Twin.Check("03.3", () => new AsyncOrderHandler());

Twin.Section("Recap");
// ## Recap
//
// - A `Task` is a promise of a result; `await` returns the thread to the pool while the task is pending
//   and resumes the method later. `WhenAll` overlaps waits and keeps results in input order; `WhenAny`
//   picks the first finisher and leaves the rest running.
// - `await` helps **I/O-bound** work, where nothing of yours runs while waiting. **CPU-bound** work needs
//   threads (`Task.Run`) and is capped by the core count.
// - A pending await costs a few hundred bytes of heap; a blocked thread costs tens of kilobytes of memory,
//   megabytes of address space and slow creation. 100,000 awaits are routine; 100,000 threads are not possible.
// - Limit concurrency with `SemaphoreSlim` (release in `finally`) or `Parallel.ForEachAsync`; time follows
//   ceil(N / limit) × latency.
// - Cancellation is cooperative: pass the token down. `CancelAfter` sets a deadline; `WaitAsync` only stops
//   the waiting. `await` on `WhenAll` throws one exception, `Task.Exception` has them all. Avoid `async void`.
// - Blocking on async code (`.Result`, `.Wait()`) starves the thread pool: it grows by a few threads per
//   second while requests pile up. Go async all the way; `SetMinThreads` is only a stopgap.
//
// Previous: [02 · Processes](02-processes.ipynb). Next: [04 · Iterators as coroutines](04-iterators-as-coroutines.ipynb),
// where `yield return` turns a method into a coroutine, the idea underneath `async`/`await`.

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 03.1 (notebook cell 54) ═══
// ## Exercises
//
// Each exercise has a stub cell to complete and a check cell. Run the stub cell after editing it, then
// the check. `Exercises.Hint("03.1")` prints a hint; each further call is more specific.
//
// ### 03.1 Fan out with a concurrency limit
//
// Write `FetchAllAsync`: fetch every URL with `fetch(url, token)`, with at most `limit` fetches in flight
// at once, and return the bodies **in the order of `urls`** (`result[i]` is the body of `urls[i]`), however
// the fetches finish. A fetch that throws must not stall the others (its slot must be freed) and its
// exception must reach the caller. Cancelling the token stops both waiting and in-flight fetches.
//
// The check's fake server counts fetches in flight: it fails answers that ignore the limit, run one at a
// time, work in batches, return bodies in completion order, leak a slot when a fetch throws, or ignore
// cancellation.
//
// Check it: dotnet run twins/03-async-await.cs -- --check 03.1
//
// Exercise 03.1: Fan out with a concurrency limit
public sealed class ThrottledFetcher : IThrottledFetcher
{
    public Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit,
        Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken)
    {
        // TODO: start the fetches, at most `limit` in flight at once; result[i] must be the body of urls[i].
        throw new NotImplementedException();
    }
}

// ═══ Exercise 03.2 (notebook cell 57) ═══
// ### 03.2 First answer wins, losers are cancelled
//
// A *hedged request* asks several replicas the same question and takes the first good answer. Write
// `FirstOrTimeoutAsync`:
//
// - start every replica at once, each with a token you cancel as soon as the race is decided;
// - the first replica to **succeed** wins; a replica that fails does not decide the race;
// - if every replica fails, throw (their exceptions; never a made-up value);
// - if no replica succeeds within `timeout`, throw `TimeoutException`;
// - if the caller cancels `cancellationToken`, throw `OperationCanceledException`.
//
// The check controls each replica's outcome and watches its token.
//
// Check it: dotnet run twins/03-async-await.cs -- --check 03.2
//
// Exercise 03.2: First answer wins, losers are cancelled
public sealed class ReplicaRace : IReplicaRace
{
    public Task<T> FirstOrTimeoutAsync<T>(IReadOnlyList<Func<CancellationToken, Task<T>>> replicas,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        // TODO: start all replicas, return the first success, cancel the others; TimeoutException after `timeout`.
        throw new NotImplementedException();
    }
}

// ═══ Exercise 03.3 (notebook cell 60) ═══
// ### 03.3 Fix a thread-pool starvation bug
//
// This handler, from the probe above, gives correct receipts but blocks its thread on every inventory call:
//
// ```csharp
// public Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
// {
//     int reservation = inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken).Result;
//     decimal price = inventory.PriceAsync(order.Sku, cancellationToken).GetAwaiter().GetResult();
//     return Task.FromResult(new Receipt(order.Id, reservation, price * order.Quantity));
// }
// ```
//
// Rewrite it so that no thread ever waits while an inventory call is in flight. The check runs many
// handlers on one or two threads against the gated inventory: any blocking wait deadlocks (and is
// reported with how far the handlers got), and so is moving the blocking elsewhere with `Task.Run`.
//
// Check it: dotnet run twins/03-async-await.cs -- --check 03.3
//
// Exercise 03.3: Fix a thread-pool starvation bug
public sealed class AsyncOrderHandler : IOrderHandler
{
    public Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
    {
        // TODO: the same two inventory calls and receipt as BlockingOrderHandler, without blocking a thread.
        throw new NotImplementedException();
    }
}
