#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 02 · Processes, as a C# file-based app: the twin of notebooks/02-processes.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/02-processes.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/02-processes.cs    every demonstration; charts go to out/twins/02-processes/
//     dotnet run twins/02-processes.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/02-processes.cs -- --check 02.1 --hint 2   one exercise; a failed check prints hint 2

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
using System.Threading.Channels;
using Workbook.Processes;

Twin.Start("02-processes", "02 · Processes", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("02.1", () => new AllWorkersFanOut());
    Twin.Check("02.2", () => new ReportingRunner());
    Twin.Done();
    return;
}

// # 02 · Processes
//
// The Python article reaches for `multiprocessing` because of Python's global interpreter lock (the
// GIL): in CPython only one thread at a time executes Python code, so CPU-bound threads take turns
// instead of running side by side, and the way to use every core is to start several processes.
// **.NET has no GIL.** Chapter [01 · Threads](01-threads.ipynb) measured it: threads in one .NET
// process count primes on every core at once. So in .NET you do not need processes for speed.
//
// You need them for **isolation**. A process is a wall the operating system maintains for you: what
// happens inside a child process (a crash, a fault in native code, runaway memory, a hang) stays
// inside it, the system takes back everything the child held when it ends, and you can kill it at any
// moment without asking. A thread offers none of that. The price is real and you will measure it: a
// process takes hundreds of milliseconds to start, shares no memory with you (every input and result
// travels over a pipe), and is one more thing you must not forget to clean up.
//
// **You will learn**
//
// - when a process is the right tool in .NET (isolation) and why speed is not the reason
// - how the workbook's worker process talks to its parent over stdin/stdout, with a "work" channel
//   and a "log" channel multiplexed on the same pipe
// - what starting a process costs, next to starting a thread or queueing a thread-pool work item
// - that CPU-bound work scales the same on worker processes as on threads
// - how a process pool survives a worker that crashes: replace it, retry once, report what was lost
// - how `await using` guarantees that no child process outlives its owner

Twin.Cell(3);
// Every await on a child process in this notebook is bounded: a bug must fail a cell, not hang it.
var bound = TimeSpan.FromSeconds(30);
var everyWorkerPid = new List<int>();   // collected as we go; the clean-up section checks them all
Console.WriteLine($"This notebook: process {Environment.ProcessId}, {Environment.ProcessorCount} cores.");

Twin.Section("Why processes, in .NET?");
// ## Why processes, in .NET?
//
// Everything below is something a separate process can do and a thread in your own process cannot:
//
// | You want to… | With a thread | With a child process |
// |---|---|---|
// | survive a crash | `Environment.FailFast`, a stack overflow or an access violation in native code cannot be caught in .NET: they end the whole process, yours included | the child dies; you get its exit code and carry on |
// | contain a fault in native or untrusted code | it writes into your memory | it can only write into its own |
// | cap or reclaim memory | a leak belongs to everyone, and stays | give the child its own limit (e.g. the `DOTNET_GCHeapHardLimit` environment variable, a container); every byte comes back when it exits |
// | stop runaway work | a thread cannot be killed safely (`Thread.Abort` is gone from .NET) | `Kill()` at any moment; the system cleans up |
// | run another program | impossible | `git`, `ffmpeg`, `python`, … |
//
// The plainest use of a process is the last row: start a program, read what it prints, wait for it
// to exit. Even this small cell bounds its waits: a child that never exits must not hang the notebook.

Twin.Cell(5);
var info = new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true };
using (var timeout = new CancellationTokenSource(bound))
using (var child = Process.Start(info)!)
{
    string output = await child.StandardOutput.ReadToEndAsync(timeout.Token);
    await child.WaitForExitAsync(timeout.Token);
    Console.WriteLine($"child {child.Id} printed '{output.Trim()}' and exited with code {child.ExitCode}");
}

// > **Try** replacing `--version` with `--list-sdks`. A process is also how .NET code runs tools
// > written in any other language.
//
Twin.Section("Talking to a worker process");
// ## Talking to a worker process
//
// Running a program once is not enough for a worker: we want to send it job after job and get
// results back, without paying the start-up cost each time. The workbook ships its own worker program,
// `lib/Workbook.Worker`, started as `dotnet Workbook.Worker.dll` with its three standard streams
// redirected to us. Its stdin and stdout form **one byte stream in each direction**, and on top of it
// [Nerdbank.Streams](https://github.com/dotnet/Nerdbank.Streams)' `MultiplexingStream` opens two
// independent **channels**:
//
// ```
//  this notebook (WorkerProcess)                               worker process (WorkerHost)
//    stdin   ──▶  [work] run #7: count primes in [0, 1500000)   ──▶
//    stdout  ◀──  [log]  #7: counting primes in [0, 1500000)     ◀──
//                 [log]  #7: 25 % done … 50 % done … 75 % done
//                 [work] #7 = 114,155
//    stderr  ◀──  plain text lines: diagnostics, crash reports    ◀──
// ```
//
// Why two channels on one pipe? Results and chatter have different lives. Progress messages of a long
// item must reach us *while* it runs, and a result must never have to be fished out of a stream of log
// lines. Each message is a length-prefixed JSON frame. Stdout belongs to the multiplexer alone: a stray
// `Console.WriteLine` in the worker would corrupt the frames, so the worker sends its console output to
// stderr, which we read as plain lines.
//
// First, two small requests: echo some text, and ask the worker for its process id.

Twin.Cell(7);
WorkerProcess worker = await WorkerProcess.StartAsync();
everyWorkerPid.Add(worker.ProcessId);
WorkResult echo = await worker.RunAsync(WorkItem.Echo("hello, child")).WaitAsync(bound);
WorkResult pid = await worker.RunAsync(WorkItem.Pid()).WaitAsync(bound);
Console.WriteLine(echo);
Console.WriteLine($"the worker says its pid is {pid.Value}; this notebook is {Environment.ProcessId}");
Claim.That(echo.Text == "hello, child", "the text came back unchanged through both pipes");
Claim.That(pid.Value == worker.ProcessId && pid.Value != Environment.ProcessId,
    "the item ran in the worker process, not in ours");

// Now both channels at once. The next cell starts a prime count of about a second and, **while the
// result is still being computed**, prints each message that arrives on the log channel. The handler
// runs on the worker's background reader thread, so it only drops the message into a `Channel`; the
// cell's own loop prints them.

Twin.Cell(9);
var logs = Channel.CreateUnbounded<WorkerLog>();
worker.LogReceived += log => logs.Writer.TryWrite(log);       // on the reader thread: keep it short
var clock = Stopwatch.StartNew();
Task<WorkResult> counting = worker.RunAsync(WorkItem.CountPrimes(0, 1_500_000));
_ = counting.ContinueWith(_ => logs.Writer.TryComplete());     // the result is in: stop waiting for logs
var giveUp = new CancellationTokenSource(bound);                // bounded, like every wait here
await foreach (WorkerLog log in logs.Reader.ReadAllAsync(giveUp.Token))
    Console.WriteLine($"{clock.ElapsedMilliseconds,6} ms  log channel   {log}");
Console.WriteLine($"{clock.ElapsedMilliseconds,6} ms  work channel  {await counting}");

// You should see the "counting primes" message right away, then 25 %, 50 % and 75 % arriving while the
// worker computes (later quarters take longer: bigger numbers cost more to test), and the result last. The two channels are independent: nothing
// orders a log message relative to a result, which is why the cell stops reading logs once the result
// is in.
//
// Once started, how much does one message cost? A tiny echo there and back:

Twin.Cell(11);
Timings roundTrip = await Measure.RepeatAsync(() => worker.RunAsync(WorkItem.Echo("ping")), 200, warmup: 20);
Timings oneChunk = Measure.Repeat(() => CpuWork.CountPrimes(1_000_000, 1_100_000), repetitions: 5, warmup: 1);
Console.WriteLine($"round trip of a tiny item to the worker: median {Durations.Format(roundTrip.Median)}");
Console.WriteLine($"counting primes in 100,000 numbers here:  median {Durations.Format(oneChunk.Median)}");
Console.WriteLine($"ratio: one such chunk = {oneChunk.Median / roundTrip.Median:N0} round trips");
await worker.DisposeAsync();
Claim.That(!ProcessLiveness.IsRunning(worker.ProcessId), "disposing the worker ended its process");

// A message costs a fraction of a millisecond to serialise, cross two pipes and come back: nothing next
// to a chunk of work that computes for tens of milliseconds (the size the next sections use), ruinous
// for an item that computes for nanoseconds. **Send work in chunks big enough to dwarf the trip.**
//
// > **Try** echoing a 100,000-character string (`new string('x', 100_000)`) and compare the median:
// > every byte of input and output is copied through the pipe.
//
Twin.Section("What a process costs to start");
// ## What a process costs to start
//
// Starting a worker means: the operating system creates an address space, loads the `dotnet` host,
// the runtime starts and compiles the worker's start-up code, and the two sides agree on the
// multiplexing protocol before the first item can be sent. The next cell measures that against
// starting a new thread and queueing an item to the thread pool (median of 5 each). The bars differ by
// several orders of magnitude, so the y axis is logarithmic: each grid line is ten times the one below.

Twin.Cell(13);
StartupCostReport costs = await StartupCosts.MeasureAsync(repetitions: 5);
Console.WriteLine(costs);
Console.WriteLine($"one process start costs as much as {costs.ProcessPerThread:N0} thread starts");
Console.WriteLine($"one process start costs as much as {costs.ProcessPerPoolItem:N0} thread-pool work items");
Twin.Show(ProcessCharts.StartupCosts(costs));

// The process bar towers over the other two: hundreds of milliseconds (more on a busy machine) against
// a fraction of a millisecond for a thread and some microseconds for a pool item. The lesson is the
// same one Python's `multiprocessing.Pool` teaches: **start workers once and reuse them for many
// items**; never start a process per item.
//
// > **Try** `repetitions: 10` and run the cell twice. The process median moves by tens of
// > milliseconds between runs: start-up depends on disk caches and on what else the machine is doing.
//
Twin.Section("CPU-bound work: processes vs threads");
// ## CPU-bound work: processes vs threads
//
// Now the question Python answers with processes: does spreading CPU-bound work over more workers make
// it faster? The next cell splits "count the primes below 1,500,000" into 16 items and runs them on a
// pool of 1, 2, … up to twice-the-core-count worker processes, and, right after each, on the same
// number of threads inside this process. Processes and threads take turns, three runs each, and each
// point keeps its fastest run: the one least disturbed by other programs. Pool start-up is *not* timed here: each pool is started and given one
// untimed run first, so that its workers have compiled their code (the previous chart covered
// start-up). The cell takes about 15 seconds.

Twin.Cell(15);
IReadOnlyList<WorkItem> chunks = WorkItem.CountPrimesInChunks(0, 1_500_000, 16);
IReadOnlyList<ScalingPoint> scaling = await ProcessScaling.CompareAsync(chunks);  // 1 .. 2 × cores
foreach (ScalingPoint point in scaling) Console.WriteLine(point);
everyWorkerPid.AddRange(scaling.SelectMany(p => p.ProcessIds));
Claim.That(scaling.All(p => p.Total == 114_155), "every run found all 114,155 primes below 1,500,000");

Twin.Cell(16);
double Rate(ScalingMode mode, int n) => scaling.Single(p => p.Mode == mode && p.Workers == n).ItemsPerSecond;
foreach (int n in scaling.Select(p => p.Workers).Distinct())
{
    double processes = Rate(ScalingMode.Processes, n), threads = Rate(ScalingMode.Threads, n);
    double processSpeedUp = processes / Rate(ScalingMode.Processes, 1);
    double threadSpeedUp = threads / Rate(ScalingMode.Threads, 1);
    Console.WriteLine($"{n} worker(s): processes/threads = {processes / threads:0.00}   "
        + $"speed-up over 1 worker: processes {processSpeedUp:0.00}×, threads {threadSpeedUp:0.00}×");
}
Twin.Show(ProcessCharts.Scaling(scaling));

// What to look for:
//
// - **Both lines climb together up to the number of cores** and then stay flat: past that there is no
//   idle core left to add, so extra workers only take turns. The dashed line is the ideal: the
//   one-process throughput times the number of workers, capped at the core count.
// - **The two lines run close together**: a processes/threads ratio near 1.0. Each item computes for
//   tens of milliseconds and costs one round trip of a fraction of a millisecond, so the pipe hardly
//   shows. In .NET, threads already give you all the parallelism; processes add isolation, not speed.
// - On a machine busy with other programs the points scatter (whoever else wants the cores takes
//   them from both lines alike); run the cell again when it is quieter. The ratios printed above the
//   chart are measured side by side, so they are the numbers to trust.
//
// > **Try** `WorkItem.CountPrimesInChunks(0, 1_500_000, 3_000)`: three thousand tiny items. The
// > processes fall behind the threads, because now the round trip is a real share of each item.
//
Twin.Section("Who ran what: the pool's timeline");
// ## Who ran what: the pool's timeline
//
// A `ProcessPool` keeps a timeline: for every item, which worker ran it, from when to when, and how
// it ended. `ToActivitySpans()` turns it into the workbook's general timeline spans for `Plot.Timeline`.

Twin.Cell(18);
var timelineItems = WorkItem.CountPrimesInChunks(0, 1_200_000, 12);
ProcessPool timelinePool = await ProcessPool.StartAsync(2);
await using (timelinePool)
{
    await timelinePool.RunAllAsync(timelineItems).WaitAsync(bound);
}
var timeline = timelinePool.Timeline;            // a snapshot: still readable after disposal
everyWorkerPid.AddRange(timelinePool.ProcessIdsEverStarted);
Console.WriteLine($"{timeline.Count} items, up to {timeline.MaxInFlight()} at once on 2 workers");
Claim.That(timeline.Select(s => s.Label).Distinct().Count() == 12, "every item ran, and ran once");
Twin.Show(Plot.Timeline(timeline.ToActivitySpans(), "One row per worker: each takes the next item when free",
    "time since the pool started (ms)"));

// One row per worker; hover over a bar to see the item and the worker's pid. Three things to see:
//
// - **The empty stretch at the left** is the pool starting its processes: the clock starts when the
//   pool is created, and no item can run before a worker is ready. That is the start-up cost again.
// - **The first bar of each row is often wider than its neighbours**: a fresh process runs its code
//   unoptimised at first and compiles the hot loop while it goes (tiered JIT compilation). One more
//   reason to keep workers alive. After that the bars tend to grow from left to right, because later
//   chunks hold bigger numbers and testing a big number for primality takes longer.
// - **Nobody assigns items to workers in advance**: each worker takes the next item from the pool's
//   queue the moment it finishes one, so the rows end at nearly the same time although the items are
//   uneven.
//
// > **Try** 3 chunks instead of 12 on 2 workers: one worker ends up with the biggest chunk alone
// > while the other sits idle at the end. Enough small items is what keeps every worker busy.
//
Twin.Section("Crash isolation");
// ## Crash isolation
//
// What if an item takes its worker down? In this process that would be the end: `Environment.FailFast`,
// which `WorkItem.Crash()` calls inside the worker, cannot be caught, and the notebook's kernel would
// die with it (do not try that in a cell). In a worker it is survivable. The pool notices the worker's
// pipe close and reads its exit code, starts a replacement in the same slot, and queues the item again
// for a *different* worker (once, by default: `ProcessPoolOptions.MaxRetries = 1`). An item that
// crashes every worker it touches then fails with a `WorkerCrashedException` that says how many
// attempts it had. Every other item must still complete.

Twin.Cell(20);
var crashItems = WorkItem.CountPrimesInChunks(0, 1_500_000, 16).ToList();
crashItems.Insert(1, WorkItem.Crash());                 // item 1 kills whichever worker runs it
ProcessPool crashPool = await ProcessPool.StartAsync(2);
var lastWords = new ConcurrentQueue<WorkerLog>();
crashPool.LogReceived += log => { if (log.Kind == WorkerLogKind.Stderr) lastWords.Enqueue(log); };
Task<WorkResult>[] tasks = crashItems.Select(item => crashPool.RunAsync(item)).ToArray();
try { await Task.WhenAll(tasks).WaitAsync(bound); }
catch (WorkerCrashedException crash) { Console.WriteLine($"reported: {crash.Message}"); }
int completed = tasks.Count(t => t.IsCompletedSuccessfully);
int reported = tasks.Count(t => t.IsFaulted);
Console.WriteLine($"{crashItems.Count} submitted, {completed} completed, {reported} reported as failed");
Console.WriteLine($"last words of a dying worker, on its stderr: {lastWords.FirstOrDefault()}");

// `Task.WhenAll` waited for **all** the tasks, then threw the first failure, so the other items' results
// are all there in their tasks. Now turn the claims into checks: nothing silently lost, only the crash
// item failed, the sums are right, and the pool is back at full strength.

Twin.Cell(22);
var lost = (WorkerCrashedException)tasks[1].Exception!.InnerException!;
Claim.That(completed + reported == crashItems.Count,
    $"nothing silently lost: {completed} completed + {reported} reported = {crashItems.Count} submitted");
Claim.That(reported == 1 && lost.Attempts == 2,
    $"only the crash item failed, after {lost.Attempts} attempts (last exit code {lost.ExitCode})");
long othersTotal = tasks.Where((_, i) => i != 1).Sum(t => t.Result.Value);
Claim.That(othersTotal == 114_155, "the other items found all 114,155 primes below 1,500,000");
await crashPool.WaitUntilReadyAsync().WaitAsync(bound);
Claim.That(crashPool.Restarts == 2 && crashPool.LiveWorkerCount == 2, "both dead workers were replaced");
Console.WriteLine(string.Join(Environment.NewLine, crashPool.Workers));

// The timeline, this time with one row per *process*, so a replacement worker gets a row of its own.
// The crash item is the last bar of a row: that process did nothing ever after (hover over it to see
// `Crashed`; the bar lasts until the pool has seen the process exit). Its replacement appears as a new
// row a few hundred milliseconds later, once it has started, and takes over its share of the work. The
// retry went to the back of the queue, so it ran last and ended a second process, whose replacement
// had nothing left to do.

Twin.Cell(24);
var crashTimeline = crashPool.Timeline;
everyWorkerPid.AddRange(crashPool.ProcessIdsEverStarted);
await crashPool.DisposeAsync();
var crashRuns = crashTimeline.Where(s => s.Outcome == ActivityOutcome.Crashed).ToList();
foreach (var run in crashRuns) Console.WriteLine(run);
Claim.That(crashRuns.Select(s => s.ProcessId).Distinct().Count() == 2, "the 2 attempts ran in 2 processes");
Twin.Show(Plot.Timeline(crashTimeline.ToActivitySpans(TimelineLanes.Process),
    "One row per process: a crash ends a row, a replacement takes over", "time since the pool started (ms)"));

// > **Try** `new ProcessPoolOptions { MaxRetries = 0 }` as a second argument of `ProcessPool.StartAsync`:
// > the crash item now fails after one attempt and costs one worker. Retrying helps when a crash was
// > bad luck (a killed process, a flaky native library), never when the item itself is poison.
//
Twin.Section("Cleaning up: `await using` and no leftover processes");
// ## Cleaning up: `await using` and no leftover processes
//
// A child process is a resource, like a file handle or a socket: it holds memory and a slot in the
// process table until it exits. The workbook's worker exits on its own when its stdin closes, which
// also happens when the parent dies, so a worker never outlives the notebook's kernel. But while the
// kernel lives, a pool you forgot keeps its processes. `await using` calls `DisposeAsync` on every path
// out of the block, exceptions included. The pool's `DisposeAsync` fails unfinished items with
// `ObjectDisposedException`, closes each worker's stdin (the polite "no more work"), waits up to
// `ShutdownGrace` (2 s) for it to exit, and then kills whatever is left.

Twin.Cell(26);
string Status(int[] ids) => string.Join(", ", ids.Select(id => $"pid {id}: {ProcessLiveness.IsRunning(id)}"));
int[] pids;
await using (var pool = await ProcessPool.StartAsync(2))
{
    pids = pool.ProcessIdsEverStarted.ToArray();
    await pool.RunAsync(WorkItem.Echo("last job")).WaitAsync(bound);
    Console.WriteLine($"running inside the block? {Status(pids)}");
}
Console.WriteLine($"running after the block?  {Status(pids)}");
Claim.That(ProcessLiveness.StillRunning(pids).Count == 0, "after await using, no pool process runs");

// The same holds when the block is left by an exception:

Twin.Cell(28);
int[] pidsOnError = [];
try
{
    await using (var pool = await ProcessPool.StartAsync(1))
    {
        pidsOnError = pool.ProcessIdsEverStarted.ToArray();
        throw new InvalidOperationException("something went wrong half-way");
    }
}
catch (InvalidOperationException e) { Console.WriteLine($"caught: {e.Message}"); }
Claim.That(pidsOnError.Length == 1 && ProcessLiveness.StillRunning(pidsOnError).Count == 0,
    "the exception left the block, and the worker was still ended");

// Finally, the whole chapter: every worker process whose id the cells above collected, replacements of
// crashed workers included. (The start-up measurement disposes its own processes before it returns.)

Twin.Cell(30);
everyWorkerPid.AddRange(pids.Concat(pidsOnError));
var stillRunning = ProcessLiveness.StillRunning(everyWorkerPid);
Console.WriteLine($"worker processes started: {everyWorkerPid.Distinct().Count()}; running: {stillRunning.Count}");
Claim.That(stillRunning.Count == 0, "no worker process started in this notebook outlived its owner");

// > **Try** removing `await using` from the first cell of this section: write
// > `var pool = await ProcessPool.StartAsync(2);` and keep the body without its braces. The claim
// > fails, and the two processes stay until you dispose the pool or restart the kernel
// > (`ps -ef | grep Workbook.Worker` shows them).
//
Twin.Section("Exercises");
// ## Exercises
//
// Both exercises give your code a `ProcessPool` that the checker starts with 2 workers (and disposes
// afterwards), and a `CancellationToken` to pass on. The checker runs items of uneven length and then
// reads the pool's timeline, so it can tell whether your code kept both workers busy, not only whether
// the values are right. Each check takes a few seconds: it starts real processes.
//
Twin.Section("02.1 · Fan out to every worker, gather in input order", level: 3);
// ### 02.1 · Fan out to every worker, gather in input order
//
// Implement `IFanOut.RunAsync(pool, items, cancellationToken)`: run every item on the pool so that all
// workers can be busy at once, wait for all of them, and return `values[i]` = the `Value` of `items[i]`'s
// result. The items finish in a different order than they were given; the values must not.

Twin.Cell(33);
Twin.Check("02.1", () => new AllWorkersFanOut());
// Stuck? Exercises.Hint("02.1") prints a hint; each call gives a more specific one.

Twin.Section("02.2 · Report every item, even when its worker crashes", level: 3);
// ### 02.2 · Report every item, even when its worker crashes
//
// Implement `IReportingRunner.RunReportingAsync(pool, items, cancellationToken)`: run every item (all
// workers busy, as in 02.1) and return one `ItemOutcome` per item, in input order:
// `ItemOutcome.Success(result)` for an item that worked, `ItemOutcome.Failure(item, exception)` for an
// item whose worker crashed (`WorkerCrashedException`) or that threw inside its worker
// (`WorkItemFailedException`). One bad item must not cost the others their results, a crash must not
// be dressed up as a value, and the pool has already retried a crashed item once: do not retry it again.

Twin.Cell(36);
Twin.Check("02.2", () => new ReportingRunner());
// Stuck? Exercises.Hint("02.2") prints a hint; each call gives a more specific one.

Twin.Section("Recap");
// ## Recap
//
// - Python uses processes to get around the GIL. **.NET has no GIL**: threads already run CPU-bound
//   code on every core, and the throughput chart showed processes and threads scaling alike. In .NET,
//   reach for a process for **isolation**: crashes, native faults, memory limits, killing runaway
//   work, running other programs.
// - A worker process talks over its **stdin/stdout**. Framing (length-prefixed messages) and
//   multiplexing (a "work" and a "log" channel) turn one byte stream into a conversation; stdout then
//   belongs to the protocol alone.
// - **Starting a process costs hundreds of milliseconds**, thousands of times a thread start: start a
//   pool once and keep it. Each message costs tens of microseconds: send items big enough to dwarf it.
// - A pool turns a crash into a **reported** failure: replace the worker, retry once elsewhere, then
//   fail the item with `WorkerCrashedException`. Check the bookkeeping: completed + reported = submitted.
// - **`await using`** ends every child process on every path out of the block; check it by process id.
// - Fan out by **starting every item before awaiting any**, gather with `Task.WhenAll` (input order),
//   and catch failures **per item** so one bad item cannot take the batch down.
//
// | Python `multiprocessing` | .NET, this workbook |
// |---|---|
// | `Pool(processes=4)` | `await ProcessPool.StartAsync(4)` |
// | `with Pool() as pool:` | `await using (var pool = …)` |
// | `pool.apply_async(f, args)` | `pool.RunAsync(item)` |
// | `pool.map(f, items)` (input order) | `pool.RunAllAsync(items)` or `Task.WhenAll` over `RunAsync` |
// | `pool.imap_unordered(f, items)` | `Task.WhenEach` over the `RunAsync` tasks |
//
// Previous: [01 · Threads](01-threads.ipynb) · Next: [03 · Async/await](03-async-await.ipynb), where
// waiting for many things at once costs no thread at all.

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 02.1 (notebook cell 32) ═══
// > **Try** removing `await using` from the first cell of this section: write
// > `var pool = await ProcessPool.StartAsync(2);` and keep the body without its braces. The claim
// > fails, and the two processes stay until you dispose the pool or restart the kernel
// > (`ps -ef | grep Workbook.Worker` shows them).
//
// ## Exercises
//
// Both exercises give your code a `ProcessPool` that the checker starts with 2 workers (and disposes
// afterwards), and a `CancellationToken` to pass on. The checker runs items of uneven length and then
// reads the pool's timeline, so it can tell whether your code kept both workers busy, not only whether
// the values are right. Each check takes a few seconds: it starts real processes.
//
// ### 02.1 · Fan out to every worker, gather in input order
//
// Implement `IFanOut.RunAsync(pool, items, cancellationToken)`: run every item on the pool so that all
// workers can be busy at once, wait for all of them, and return `values[i]` = the `Value` of `items[i]`'s
// result. The items finish in a different order than they were given; the values must not.
//
// Check it: dotnet run twins/02-processes.cs -- --check 02.1
//
// Exercise 02.1: Fan out to every worker, gather in input order
public sealed class AllWorkersFanOut : IFanOut
{
    public Task<long[]> RunAsync(
        ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        // TODO: submit every item before awaiting any, then return values[i] for items[i].
        throw new NotImplementedException();
    }
}

// ═══ Exercise 02.2 (notebook cell 35) ═══
// ### 02.2 · Report every item, even when its worker crashes
//
// Implement `IReportingRunner.RunReportingAsync(pool, items, cancellationToken)`: run every item (all
// workers busy, as in 02.1) and return one `ItemOutcome` per item, in input order:
// `ItemOutcome.Success(result)` for an item that worked, `ItemOutcome.Failure(item, exception)` for an
// item whose worker crashed (`WorkerCrashedException`) or that threw inside its worker
// (`WorkItemFailedException`). One bad item must not cost the others their results, a crash must not
// be dressed up as a value, and the pool has already retried a crashed item once: do not retry it again.
//
// Check it: dotnet run twins/02-processes.cs -- --check 02.2
//
// Exercise 02.2: Report every item, even when its worker crashes
public sealed class ReportingRunner : IReportingRunner
{
    public Task<ItemOutcome[]> RunReportingAsync(
        ProcessPool pool, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        // TODO: one outcome per item, in input order; catch each item's failure on its own.
        throw new NotImplementedException();
    }
}
