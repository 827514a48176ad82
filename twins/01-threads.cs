#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 01 · Threads, as a C# file-based app: the twin of notebooks/01-threads.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/01-threads.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/01-threads.cs    every demonstration; charts go to out/twins/01-threads/
//     dotnet run twins/01-threads.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/01-threads.cs -- --check 01.1 --hint 2   one exercise; a failed check prints hint 2

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
using Workbook.Threads;

Twin.Start("01-threads", "01 · Threads", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("01.1", () => new SafeCounter());
    Twin.Check("01.2", () => new PartitionedSummer());
    Twin.Check("01.3", () => new OrderedLockBank());
    Twin.Check("01.4", () => new OnceCell());
    Twin.Done();
    return;
}

// # 01 · Threads
//
// The Python article this workbook follows opens with multithreading and a warning: in CPython a
// *global interpreter lock* (the GIL) lets only one thread run Python code at a time, so threads help
// programs that wait (for the network, for the disk) but do nothing for programs that compute. .NET has
// no such lock. Its threads are operating-system threads running compiled machine code, and as many of
// them run truly at once as the machine has cores.
//
// That cuts both ways. You get real parallelism for CPU-bound work, and you also get every hazard of
// shared memory at full strength: updates that vanish, threads that wait for each other forever. This
// chapter shows both sides, measured on your machine.
//
// **You will learn**
//
// - the three everyday ways to run code on another thread: `Thread`, the thread pool, and
//   `Parallel.For`/`Parallel.ForEach`, and what each costs to start
// - that .NET threads speed up CPU-bound work (no GIL), compared with a recorded CPython run of the
//   same job with threads and with processes
// - how the pool spreads uneven work over a few threads, seen on a timeline, and why a thread per item
//   does not finish sooner
// - why `count++` loses updates, and three correct fixes with what each costs
// - how two locks deadlock, how `Monitor.TryEnter` with a timeout detects it, and the rules that
//   prevent it

// The chapter's demonstrations live in the `Workbook.Threads` namespace. The number of cores matters
// throughout: it is the most work that can run at the same instant.

Twin.Cell(4);
int cores = Environment.ProcessorCount;
Console.WriteLine($"This machine gives .NET {cores} logical cores.");
Console.WriteLine($"This notebook's code runs on managed thread {Environment.CurrentManagedThreadId}.");

Twin.Section("Three ways to run code on another thread");
// ## Three ways to run code on another thread
//
// **`Thread`** is the most direct: you create an operating-system thread, give it a method, start it,
// and later wait for it with `Join`. It is yours alone for its whole life, which is right for long-lived
// work with special needs (a dedicated priority, a blocking loop that runs for hours) and wasteful for
// anything short. `IsBackground = true` means the thread will not keep the process alive on exit.

Twin.Cell(6);
string? report = null;
var worker = new Thread(() =>
{
    var me = Thread.CurrentThread;
    report = $"hello from '{me.Name}', thread {me.ManagedThreadId}, pool thread: {me.IsThreadPoolThread}";
})
{ Name = "my worker", IsBackground = true };
worker.Start();
bool joined = worker.Join(TimeSpan.FromSeconds(5));   // bounded: a stuck thread cannot hang the notebook
Console.WriteLine(report);
Claim.That(joined, "the worker thread ran and finished");

// The **thread pool** keeps a few threads alive and feeds them a queue of small work items. Queueing an
// item costs a queue push and, at most, waking an idle thread: no thread is created or destroyed per
// item. `Task.Run` is the modern front door to the same pool (chapter 03 builds on it).
//
// Note the `int item = i;` copy: a lambda captures the *variable*, not its value, and a `for` loop has
// one variable for all its iterations. Without the copy, the items could all see the final value of `i`.

Twin.Cell(8);
var seen = new ConcurrentQueue<string>();
var remaining = new CountdownEvent(4);
for (int i = 0; i < 4; i++)
{
    int item = i;   // one copy per iteration, captured by this iteration's lambda
    ThreadPool.QueueUserWorkItem(_ =>
    {
        seen.Enqueue($"item {item} ran on pool thread {Environment.CurrentManagedThreadId}");
        remaining.Signal();
    });
}
Claim.That(remaining.Wait(TimeSpan.FromSeconds(5)), "all 4 queued items ran");
foreach (string line in seen.Order()) Console.WriteLine(line);

// **`Parallel.For` and `Parallel.ForEach`** are loops whose iterations run on the pool, with the calling
// thread helping. They hand out the iterations, wait for all of them and gather any exceptions into one
// `AggregateException`, so for "do this to every element" they are the readable choice. The iterations run in no particular order:
// each one must only touch data of its own (here, its own array slot) or use something thread-safe
// (here, a `ConcurrentDictionary`).

Twin.Cell(10);
var squares = new long[12];
Parallel.For(0, squares.Length, i => squares[i] = (long)i * i);   // each iteration: its own slot only

var words = new[] { "thread", "pool", "lock", "monitor", "interlocked", "deadlock" };
var lengths = new ConcurrentDictionary<string, int>();
Parallel.ForEach(words, word => lengths[word] = word.Length);

Console.WriteLine(string.Join(", ", squares));
Console.WriteLine(string.Join(", ", lengths.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
Claim.That(squares.Select((value, i) => value == (long)i * i).All(ok => ok),
    "Parallel.For filled every slot with its own square");
Claim.That(lengths.Count == words.Length, "Parallel.ForEach visited every word once");

// > **Try** removing `int item = i;` in the pool cell and using `i` inside the lambda. Run it a few
// > times: which item numbers appear?

Twin.Section("What it costs to start a thread");
// ## What it costs to start a thread
//
// Creating a thread is a system call: the kernel builds a thread object, the runtime reserves a stack
// (a megabyte or more of address space) and sets up its own bookkeeping, and when the thread ends all of
// it is torn down again. Queueing to the pool skips all of that. The next cell starts 2,000 tiny items
// (each only increments a counter) three ways and divides the time by the number of items. A small
// untimed round comes first in each case, so JIT compilation is not charged to whichever runs first.

Twin.Cell(13);
var costs = StartCostDemo.MeasureAll(items: 2_000);
foreach (var cost in costs) Console.WriteLine(cost);
double PerItem(StartMechanism m) => costs.Single(c => c.Mechanism == m).PerItemMicroseconds;
var newThread = PerItem(StartMechanism.NewThread);
Console.WriteLine($"a new thread costs {newThread / PerItem(StartMechanism.ThreadPool):N0}x a queued pool item"
    + $" and {newThread / PerItem(StartMechanism.TaskRun):N0}x a Task.Run");
Claim.That(costs.All(c => c.Completed == c.Items), "every item ran exactly once, however it was started");
Twin.Show(StartCostChart.Of(costs));

// The axis is logarithmic: each grid line is ten times the one below, because on a linear axis the pool
// bars would be too short to see. Expect the new-thread bar to stand two or three orders of
// magnitude (100× to 1,000×) above the other two; `Task.Run` costs a little more than
// `QueueUserWorkItem` because it also allocates a `Task` you can wait on and inspect. The lesson: **short work goes to the pool**. A dedicated `Thread`
// pays off only when the work lasts far longer than the tens to hundreds of microseconds it takes to
// create, start and finish one.
//
// > **Try** `items: 200` and `items: 20_000`. Does the cost per item stay the same?

Twin.Section("No GIL: CPU-bound work speeds up with threads");
// ## No GIL: CPU-bound work speeds up with threads
//
// In CPython, a thread must hold the global interpreter lock to run Python bytecode. The interpreter
// hands the lock from thread to thread every few milliseconds, so four threads that compute take turns
// on one core: the article's point is that threads do not make CPU-bound Python faster, and that you
// need processes (`multiprocessing`) for that. The .NET runtime has no such lock. Each `Thread` is an
// operating-system thread executing JIT-compiled machine code, and the OS scheduler runs as many of them
// at once as there are cores. The price is that nothing serialises your threads for you: shared data is
// your responsibility (the race section below).
//
// The job: count the primes below 1,000,000 by trial division, with 1, 2, … up to twice the core count
// threads. The threads take blocks of 10,000 numbers from a shared counter until none are left, so they
// stay equally busy (testing big numbers costs more than small ones). The dashed line is the ideal: the
// speedup equals the number of threads up to the core count, then stays flat, because extra threads have
// no extra core to run on.

Twin.Cell(16);
// 5 rounds, keeping each thread count's best time: a burst of load spoils one sample, not the chart.
var points = SpeedupDemo.Measure(limit: 1_000_000, maxThreads: 2 * cores, rounds: 5);
foreach (var point in points) Console.WriteLine(point);
Claim.That(points.All(p => p.Primes == points[0].Primes), "every thread count found the same primes");

Series Ideal(int upTo) =>   // linear up to the core count, flat after it
    Series.Of($"ideal ({cores} cores)", Enumerable.Range(1, upTo).Select(n => (n, (double)Math.Min(n, cores))));
Twin.Show(Plot.Line(Series.Of(".NET threads", points.Select(p => (p.Threads, p.Speedup))),
    "Counting primes below 1,000,000: speedup vs threads", "threads", "speedup (× one thread)",
    Ideal(points.Count)));

// The measured line should climb close to the dashed one up to the core count and then flatten: with
// more threads than cores the threads take turns, and the turns add a little overhead. On a busy machine
// (other programs, a shared CI runner) the points scatter below the ideal, because some cores are
// simply not free. The speedup is the single-threaded time divided by the multi-threaded time, both
// measured in this run, so a slow or fast machine does not matter, only how many cores it lets you use.
//
Twin.Section("The same job in CPython", level: 3);
// ### The same job in CPython
//
// For comparison, `data/python/threads_cpu.py` counts primes with the same algorithm in CPython:
// sequentially, with a `ThreadPoolExecutor` of 1 to 4 threads, and with a `ProcessPoolExecutor` of 1 to 4
// processes (best of five rounds, each round running every configuration once). It uses only the standard library. Its output is recorded in
// `data/python/threads_cpu.json` together with the machine it ran on, and **the notebook always reads
// that recorded file**, so this section works whether or not Python is installed. To record it on your
// own machine, run `python3 data/python/threads_cpu.py > data/python/threads_cpu.json` from the
// repository root.

Twin.Cell(18);
var python = CPythonRecording.Load("../data/python/threads_cpu.json");
Console.WriteLine(python);
foreach (var run in python.Runs) Console.WriteLine("  " + run);
Claim.That(python.Threads.Count > 0 && python.Processes.Count > 0 && python.Primes > 0,
    "the recording holds thread and process timings, measured against the sequential count");

// Now side by side: the .NET speedups measured above and the recorded CPython ones, against the same
// ideal. CPython counted only to 500,000 because interpreted code is much slower; the chart compares
// *speedups*, each relative to its own single-threaded time, not raw speed.

Twin.Cell(20);
int upTo = python.Threads.Max(r => r.Workers);
var dotnetUpTo = points.Where(p => p.Threads <= upTo);
Twin.Show(Plot.Line(
    [
        Series.Of(".NET threads (this run)", dotnetUpTo.Select(p => (p.Threads, p.Speedup))),
        Series.Of("CPython threads (recorded)", python.Threads.Select(r => (r.Workers, r.Speedup))),
        Series.Of("CPython processes (recorded)", python.Processes.Select(r => (r.Workers, r.Speedup))),
    ],
    "Counting primes: .NET threads vs CPython threads and processes",
    "threads or processes", "speedup (× single-threaded)", Ideal(upTo)));

Twin.Cell(21);
int two = Math.Min(2, upTo);
double dotnet = points.First(p => p.Threads == two).Speedup;
double pyThreads = python.Threads.First(r => r.Workers == two).Speedup;
double pyProcesses = python.Processes.First(r => r.Workers == two).Speedup;
Console.WriteLine($"with {two} workers: .NET threads {dotnet:0.00}x, CPython threads {pyThreads:0.00}x, "
    + $"CPython processes {pyProcesses:0.00}x");
Console.WriteLine($"recorded on: {python.Machine}");

// What you should see: the CPython thread line lies flat at about 1× (or a little below, since the
// threads also fight over the lock), while CPython processes climb like .NET threads do. That is the
// article's advice in one picture: in CPython, processes for CPU-bound work; in .NET, plain threads
// already use every core, and processes are chosen for other reasons (isolation, crash safety, see
// chapter 02). If the recording was made on a machine with a different core count, its process line
// tops out at that machine's count, not at the ideal drawn for yours.
//
// > **Try** counting to 500,000 on one .NET thread:
// > `Measure.Once(() => PrimeCounting.CountSequential(500_000))`, and compare it with the recorded
// > CPython sequential time (same algorithm; if the recording comes from another machine, treat the
// > ratio as a rough guide).

Twin.Section("Watching the pool work: a timeline");
// ## Watching the pool work: a timeline
//
// Numbers say how long; a timeline says who ran what, and when. Here are 24 work items of uneven size
// (most small, a few large, like real work), with their sizes drawn from a seeded random generator so that
// every run, and both timelines below, do exactly the same work. Each item is a fixed amount of
// computation: on a free core one unit takes about a millisecond, on a shared core it takes longer.
//
// The first timeline runs them with `Parallel.For`: one row per thread that took part, one bar per
// item. An `ActivityRecorder` notes the start and end of each item and the thread it ran on.
// `MaxDegreeOfParallelism = cores` caps the loop at one worker per core, the right setting for CPU-bound
// work: left unlimited, `Parallel.For` keeps asking the pool for more helpers, and a pool whose threads
// stay busy for long adds threads (its guard against starvation), which here would only add time-slicing.

Twin.Cell(24);
var items = UnevenItems.Create(count: 24, seed: 42);
Console.WriteLine("sizes (units): " + string.Join(", ", items.Select(item => item.Units)));

var onPool = new ActivityRecorder();
Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = cores }, i =>
{
    using (onPool.Record(items[i].ToString())) items[i].Run();
});
Console.WriteLine($"Parallel.For: {onPool}");
Twin.Show(Plot.Timeline(onPool, "Parallel.For, 24 uneven items: one thread per core, each takes more when free"));

// About one lane per core appears, and never more than `cores` bars overlap at any moment (the
// notebook's own thread is usually one of the lanes: the caller of `Parallel.For` works too; now and then
// a worker hands its place over to another pool thread, which adds a lane). The lanes do not get the
// same *number* of items: a thread that drew small items comes back
// for more sooner, so a lane of many short bars and a lane of a few long ones finish at about the same
// time. `Parallel.For` achieves that by handing out indices in small chunks on demand; the pool
// underneath does the same for tasks with per-thread queues from which idle threads *steal* work. Hover a
// bar to see its item and duration.
//
// Now the same 24 items with a dedicated `Thread` each. The threads wait at a start gate until all
// of them exist, so that they compete for the cores from the same moment.

Twin.Cell(26);
var perThread = new ActivityRecorder();
var go = new ManualResetEventSlim();   // a start gate: all 24 threads begin their item together
var threads = items.Select(item => new Thread(() =>
{
    go.Wait(TimeSpan.FromSeconds(10));
    using (perThread.Record(item.ToString())) item.Run();
}) { IsBackground = true }).ToList();
threads.ForEach(t => t.Start());
go.Set();
bool allJoined = threads.All(t => t.Join(TimeSpan.FromSeconds(60)));   // bounded wait
Console.WriteLine($"a thread per item: {perThread}");
Claim.That(allJoined && onPool.Count == items.Count && perThread.Count == items.Count,
    "both ways ran all 24 items exactly once");
Twin.Show(Plot.Timeline(perThread, "A dedicated Thread per item: 24 threads taking turns on the cores"));

// Twenty-four lanes, and bars that stretch. All threads were released at once, yet the bars begin
// tens of milliseconds apart: a bar starts when its thread first gets a core, and with more threads than
// cores most of them must wait for one. After that the OS gives each thread a slice of a core in turn,
// so an item takes longer in wall time than its work alone would, the long items most (they share the
// cores with everyone for the whole run). The batch as a
// whole does not finish sooner, because there is no more CPU than before. In numbers:

Twin.Cell(28);
var units = items.ToDictionary(item => item.ToString(), item => item.Units);
double MsPerUnit(ActivityRecorder r) =>
    r.Spans.Sum(s => s.Duration.TotalMilliseconds) / r.Spans.Sum(s => units[s.Label]);
TimeSpan Batch(ActivityRecorder r) => r.Spans.Max(s => s.End) - r.Spans.Min(s => s.Start);
double poolMs = MsPerUnit(onPool), threadMs = MsPerUnit(perThread);
Console.WriteLine($"wall time per unit of work: pool {poolMs:0.00} ms, thread per item {threadMs:0.00} ms"
    + $" ({threadMs / poolMs:0.0}x stretched)");
Console.WriteLine($"whole batch: pool {Durations.Format(Batch(onPool))}, thread per item "
    + $"{Durations.Format(Batch(perThread))} ({Batch(perThread) / Batch(onPool):0.00}x)");

// Each item's *latency* suffers (it waits for a core while running, instead of waiting in a queue
// before it starts) and the total hardly changes, while 24 threads cost 24 stacks and 24 creations. For
// CPU-bound work, about one thread per core is enough; that is what the pool and `Parallel` give you.
//
// > **Try** `seed: 7`, or `count: 8`. Then remove the `ParallelOptions` argument and run the
// > `Parallel.For` cell a few times: how many lanes appear now, and does the batch finish sooner?

Twin.Section("Race conditions: lost updates");
// ## Race conditions: lost updates
//
// `count++` looks like one step but is three: read the value into a register, add one, write it back.
// Two threads can both read 41, both compute 42, and both write 42: two increments, one counted. The
// next cell lets 4 threads add 10,000,000 each to one shared count in four ways:
//
// - **Unsynchronized**: plain `count++`.
// - **Lock**: `lock (gate) count++;`, so only one thread at a time runs the three steps.
// - **Interlocked**: `Interlocked.Increment(ref count)`, one atomic processor instruction.
// - **ThreadLocalSum**: each thread counts in a local variable and adds its total once at the end.

Twin.Cell(31);
var races = RaceDemo.RunAll(threads: 4, incrementsPerThread: 10_000_000);
foreach (var race in races) Console.WriteLine(race);
var racy = races.Single(r => r.Strategy == CounterStrategy.Unsynchronized);
if (racy.Lost == 0)
    Console.WriteLine("(nothing lost this time: the machine was too busy to run the threads side by side; run again)");
foreach (var race in races.Where(r => r != racy))
    Claim.That(race.IsExact, $"{race.Strategy} counted all {race.Expected:N0} increments");
var bars = races.SelectMany(r => new[]
{
    ("expected", r.Strategy.ToString(), r.Expected),
    ("counted", r.Strategy.ToString(), r.Actual),
});
Twin.Show(Plot.GroupedBar(bars, "4 threads × 10,000,000 increments of one shared count", "strategy", "final count"));

// The unsynchronised bar falls short of its expected twin: those are the lost updates, and the loss
// changes from run to run (on a very busy machine the threads may mostly take turns and lose fewer).
// The three synchronised strategies count exactly, as the checks above confirm. They are not equally
// cheap, though. Here is each one's time relative to the unsynchronised (wrong) version, all from the
// same run:

Twin.Cell(33);
var unsynchronized = racy.Elapsed;
foreach (var race in races)
    Console.WriteLine($"{race.Strategy,-15} {Durations.Format(race.Elapsed),9}"
        + $"   {race.Elapsed / unsynchronized,5:0.00}x the unsynchronised time");
Twin.Show(Plot.Bar(races.Select(r => (r.Strategy.ToString(), r.Elapsed / unsynchronized)),
    "Cost of counting correctly, relative to the unsynchronised count",
    "strategy", "time ÷ unsynchronised time (×)"));

// Expect the lock to be the slowest by a wide margin: every increment takes and releases it, and the
// threads queue for it. `Interlocked` costs far less, in the same range as the wrong version (a little
// more, sometimes even less): the atomic instruction itself is cheap, but the cores still pass the
// count's cache line back and forth on every increment, and so does the wrong version, which is why it
// is not fast either.
// `ThreadLocalSum` is about as fast as the wrong version or faster, because the threads share nothing
// while they work and touch the shared count only once each.
// That is the general rule: **the best synchronisation is the sharing you avoid**. Partition the work,
// keep partial results private, combine at the end (exercise 01.2 does exactly that).
//
// > **Try** `threads: 1`. Does the unsynchronised version still lose updates? Why not?

Twin.Section("Deadlocks");
// ## Deadlocks
//
// A deadlock needs a cycle of waiting: thread A holds lock 1 and waits for lock 2, while thread B holds
// lock 2 and waits for lock 1. Neither can go on, and with plain `lock` neither ever will. The demo below
// makes this certain rather than lucky: each thread takes its first lock and then waits until the other
// holds its own first lock. To avoid hanging the notebook, it asks for the second lock with
// `Monitor.TryEnter(lock, timeout)`, which gives up after one second and reports, instead of `lock`, which
// would wait forever.

Twin.Cell(36);
var deadlocked = DeadlockDemo.Run(LockOrder.Opposite, giveUpAfter: TimeSpan.FromSeconds(1));
Console.WriteLine(deadlocked);
Claim.That(deadlocked.DeadlockDetected,
    "with opposite lock order the threads deadlocked, and the timeout noticed instead of hanging");

// Read the timeline: both threads hold one lock and want the other's. After a second of getting
// nowhere, one of them gives up and releases its lock, and only then can the other one finish. Without
// the timeout, both would still be waiting. The fix is **lock ordering**: if every thread takes the locks in one
// agreed order (lock 1 before lock 2), a cycle cannot form. The second thread simply waits for lock 1
// until the first thread has finished with both.

Twin.Cell(38);
var ordered = DeadlockDemo.Run(LockOrder.Consistent);
Console.WriteLine(ordered);
Claim.That(!ordered.DeadlockDetected && ordered.ThreadsThatFinished == 2,
    "with one lock order there is no deadlock and both threads do their work");

Twin.Section("`lock` is `Monitor`, and `TryEnter` can give up", level: 3);
// ### `lock` is `Monitor`, and `TryEnter` can give up
//
// The C# `lock (gate) { ... }` statement is shorthand for the `Monitor` class:
//
// ```csharp
// bool taken = false;
// try { Monitor.Enter(gate, ref taken); /* the body */ }
// finally { if (taken) Monitor.Exit(gate); }
// ```
//
// The `finally` releases the lock even when the body throws. `Monitor.Enter` waits as long as it takes;
// `Monitor.TryEnter(gate, timeout)` waits at most `timeout` and returns `false` if the lock is still
// taken, which lets you report, retry or back off instead of hanging. (Since .NET 9 there is also
// `System.Threading.Lock`: `lock` on one of those uses its own faster `EnterScope` instead of
// `Monitor`, with the same meaning.) Here `TryEnter` meets a lock that another thread holds:

Twin.Cell(40);
var gate = new object();
var held = new ManualResetEventSlim();
var release = new ManualResetEventSlim();
var holder = new Thread(() => { lock (gate) { held.Set(); release.Wait(TimeSpan.FromSeconds(10)); } })
    { IsBackground = true };
holder.Start();
held.Wait(TimeSpan.FromSeconds(5));   // from here on, the other thread holds the lock

var clock = Stopwatch.StartNew();
bool gotWhileHeld = Monitor.TryEnter(gate, TimeSpan.FromMilliseconds(200));
Console.WriteLine($"while another thread holds it: TryEnter returned {gotWhileHeld}"
    + $" after {clock.ElapsedMilliseconds} ms");

// The holder lets go when we set `release`. After that, the same call succeeds at once (and, having
// succeeded, must be paired with `Monitor.Exit`, just as `lock` does for you):

Twin.Cell(42);
release.Set();
bool holderDone = holder.Join(TimeSpan.FromSeconds(5));
bool gotAfterRelease = Monitor.TryEnter(gate, TimeSpan.FromMilliseconds(200));
if (gotAfterRelease) Monitor.Exit(gate);
Console.WriteLine($"after the holder released it: TryEnter returned {gotAfterRelease}");
Claim.That(holderDone && !gotWhileHeld && gotAfterRelease,
    "TryEnter gave up while the lock was held, and got it once it was free");
held.Dispose();
release.Dispose();

Twin.Section("Rules that keep you out of deadlocks", level: 3);
// ### Rules that keep you out of deadlocks
//
// 1. **One global lock order.** When code needs two locks, take them in an order every thread agrees
//    on, decided by something stable such as an id (exercise 01.3), never by argument order.
// 2. **Hold locks briefly, and never call unknown code while holding one.** A callback, an event, a
//    virtual method or a user-supplied lambda may take locks of its own in an order you cannot see.
//    Copy what you need under the lock, release it, then call out.
// 3. **Bound every wait that could be forever.** `Monitor.TryEnter` with a timeout, `Join(timeout)`,
//    `Wait(timeout)`, a `CancellationToken`: a stuck system that reports is far easier to fix than one
//    that hangs. Every demo in this workbook follows this rule.
// 4. **Prefer higher-level tools that lock for you, briefly and correctly**: `Interlocked` for a single
//    number, concurrent collections (`ConcurrentDictionary`, `ConcurrentQueue`), `Parallel.For`/`ForEach`
//    for loops, `Lazy<T>` for create-once (exercise 01.4), channels for hand-offs (chapter 06). Fewer
//    locks of your own mean fewer orders to get wrong, and code that reads like what it does.
//
// Here is rule 4 in action: a word count with no lock in sight. `AddOrUpdate` may call its update
// function more than once when two threads collide on a word (it retries), which is why that function
// must be pure: it only computes `n + 1`.

Twin.Cell(44);
var sentence = "the pool runs the work and the work runs on the pool".Split(' ');
string[] text = [.. Enumerable.Repeat(sentence, 5_000).SelectMany(words => words)];
var wordCounts = new ConcurrentDictionary<string, int>();
Parallel.ForEach(text, word => wordCounts.AddOrUpdate(word, 1, (_, n) => n + 1));
foreach (var (word, n) in wordCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
    Console.WriteLine($"{word,-5} {n,7:N0}");
Claim.That(wordCounts.Values.Sum() == text.Length, $"all {text.Length:N0} words were counted exactly once");

// > **Try** replacing `AddOrUpdate` with `wordCounts[word] = wordCounts.GetValueOrDefault(word) + 1;`.
// > Each dictionary call is thread-safe on its own; is the pair?

Twin.Section("Exercises");
// ## Exercises
//
// Write each answer in the stub cell (replace the `TODO` and the `throw`), run it, then run the check
// below it. A check runs your code on many threads at once, so a race or a deadlock shows up as a
// **FAILED** with numbers and a reason; it never hangs. `Exercises.Hint("01.1")` shows a hint, more
// specific each time you run it.
//
Twin.Section("Exercise 01.1: A thread-safe counter", level: 3);
// ### Exercise 01.1: A thread-safe counter
//
// Implement `ICounter` (`void Increment()` and `long Value`) so that any number of threads can call
// `Increment` at once and `Value` is exact afterwards. The check runs several threads hammering one
// counter for a few seconds and compares what they did with what you counted.

Twin.Cell(48);
Twin.Check("01.1", () => new SafeCounter());

Twin.Cell(49);
Twin.Hint("01.1");

Twin.Section("Exercise 01.2: Parallel sum with correct partitioning", level: 3);
// ### Exercise 01.2: Parallel sum with correct partitioning
//
// Implement `IParallelSummer.Sum(TrackedArray data, int parts)`: split `data` (read it with `data[i]`
// and `data.Length`, like an array) into `parts` contiguous ranges, sum each range on its own thread,
// and return the total. The array records every read, so the check sees whether each element was read
// exactly once, whether the lengths that do not divide evenly are handled, and whether more than one
// thread did the work.

Twin.Cell(52);
Twin.Check("01.2", () => new PartitionedSummer());

Twin.Cell(53);
Twin.Hint("01.2");

Twin.Section("Exercise 01.3: Fix a deadlock with lock ordering", level: 3);
// ### Exercise 01.3: Fix a deadlock with lock ordering
//
// Implement `IBank.Transfer(Account from, Account to, decimal amount)`. Hold **both** accounts' locks
// (`lock (account.Sync)`) while you change their `Balance`, and make sure that two transfers in opposite
// directions can never deadlock. The check starts such transfers so that both threads hold their first
// lock at the same moment, then runs thousands of random transfers on several threads and checks every
// balance.

Twin.Cell(56);
Twin.Check("01.3", () => new OrderedLockBank());

Twin.Cell(57);
Twin.Hint("01.3");

Twin.Section("Exercise 01.4: Create it exactly once", level: 3);
// ### Exercise 01.4: Create it exactly once
//
// Implement `IOnceCell.GetOrCreate(Func<Connection> open)`: the first call creates the connection with
// `open()`, every later call returns that same connection, and `open` must run exactly once even when
// many threads make the first call at the same moment. The check holds the first `open()` call open
// until the other threads have caught up, so a check-then-act race cannot hide.

Twin.Cell(60);
Twin.Check("01.4", () => new OnceCell());

Twin.Cell(61);
Twin.Hint("01.4");

Twin.Section("Recap");
// ## Recap
//
// - `Thread` gives you an OS thread of your own; it costs tens to hundreds of microseconds to create and
//   finish. The **thread pool** (`QueueUserWorkItem`, `Task.Run`) reuses a few threads and costs well
//   under a microsecond per item; **`Parallel.For`/`ForEach`** runs loop iterations on it and waits for
//   them all.
// - .NET has **no GIL**: CPU-bound work speeds up with threads up to the number of cores, where CPython
//   threads stay at 1× (or below) and need processes instead.
// - More threads than cores do not finish CPU-bound work sooner; they stretch every item. `Parallel.For`
//   with `MaxDegreeOfParallelism` at the core count keeps one thread per core busy and balances uneven work.
// - **`count++` is not atomic**: concurrent increments get lost. `lock`, `Interlocked` and thread-local
//   partial results all fix it, at very different costs; sharing nothing is the cheapest.
// - **Deadlocks** come from cycles of lock waits. Take locks in one global order, never call unknown code
//   under a lock, bound your waits (`Monitor.TryEnter` with a timeout), and prefer higher-level tools.
//
// Back to [00 · Start here](00-start-here.ipynb). Next: [02 · Processes](02-processes.ipynb), where the
// workers are separate processes: isolation and crash safety, at a price you will measure.

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 01.1 (notebook cell 47) ═══
// ## Exercises
//
// Write each answer in the stub cell (replace the `TODO` and the `throw`), run it, then run the check
// below it. A check runs your code on many threads at once, so a race or a deadlock shows up as a
// **FAILED** with numbers and a reason; it never hangs. `Exercises.Hint("01.1")` shows a hint, more
// specific each time you run it.
//
// ### Exercise 01.1: A thread-safe counter
//
// Implement `ICounter` (`void Increment()` and `long Value`) so that any number of threads can call
// `Increment` at once and `Value` is exact afterwards. The check runs several threads hammering one
// counter for a few seconds and compares what they did with what you counted.
//
// Check it: dotnet run twins/01-threads.cs -- --check 01.1
//
// Exercise 01.1: A thread-safe counter
// TODO: make Increment safe to call from many threads at once, and Value exact.
public sealed class SafeCounter : ICounter
{
    public long Value => throw new NotImplementedException();

    public void Increment() => throw new NotImplementedException();
}

// ═══ Exercise 01.2 (notebook cell 51) ═══
// ### Exercise 01.2: Parallel sum with correct partitioning
//
// Implement `IParallelSummer.Sum(TrackedArray data, int parts)`: split `data` (read it with `data[i]`
// and `data.Length`, like an array) into `parts` contiguous ranges, sum each range on its own thread,
// and return the total. The array records every read, so the check sees whether each element was read
// exactly once, whether the lengths that do not divide evenly are handled, and whether more than one
// thread did the work.
//
// Check it: dotnet run twins/01-threads.cs -- --check 01.2
//
// Exercise 01.2: Parallel sum with correct partitioning
// TODO: split data into `parts` ranges, sum each on its own thread, and add up the partial sums.
public sealed class PartitionedSummer : IParallelSummer
{
    public long Sum(TrackedArray data, int parts) => throw new NotImplementedException();
}

// ═══ Exercise 01.3 (notebook cell 55) ═══
// ### Exercise 01.3: Fix a deadlock with lock ordering
//
// Implement `IBank.Transfer(Account from, Account to, decimal amount)`. Hold **both** accounts' locks
// (`lock (account.Sync)`) while you change their `Balance`, and make sure that two transfers in opposite
// directions can never deadlock. The check starts such transfers so that both threads hold their first
// lock at the same moment, then runs thousands of random transfers on several threads and checks every
// balance.
//
// Check it: dotnet run twins/01-threads.cs -- --check 01.3
//
// Exercise 01.3: Fix a deadlock with lock ordering
// TODO: take both accounts' locks in an order that cannot deadlock, then move the money.
public sealed class OrderedLockBank : IBank
{
    // This version deadlocks when two threads transfer in opposite directions:
    //     lock (from.Sync) { lock (to.Sync) { from.Balance -= amount; to.Balance += amount; } }
    public void Transfer(Account from, Account to, decimal amount) => throw new NotImplementedException();
}

// ═══ Exercise 01.4 (notebook cell 59) ═══
// ### Exercise 01.4: Create it exactly once
//
// Implement `IOnceCell.GetOrCreate(Func<Connection> open)`: the first call creates the connection with
// `open()`, every later call returns that same connection, and `open` must run exactly once even when
// many threads make the first call at the same moment. The check holds the first `open()` call open
// until the other threads have caught up, so a check-then-act race cannot hide.
//
// Check it: dotnet run twins/01-threads.cs -- --check 01.4
//
// Exercise 01.4: Create it exactly once
// TODO: run open() only on the very first call, even when many threads call at once.
public sealed class OnceCell : IOnceCell
{
    public Connection GetOrCreate(Func<Connection> open) => throw new NotImplementedException();
}
