#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 00 · Start here, as a C# file-based app: the twin of notebooks/00-start-here.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/00-start-here.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/00-start-here.cs    every demonstration; charts go to out/twins/00-start-here/
//     dotnet run twins/00-start-here.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/00-start-here.cs -- --check 00.1 --hint 2   one exercise; a failed check prints hint 2

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
using Workbook.StartHere;

Twin.Start("00-start-here", "00 · Start here", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("00.1", () => new MyMedian());
    Twin.Done();
    return;
}

// # 00 · Start here
//
// A server that handles ten thousand requests at once, a pipeline that never loses a message, a
// balancer that keeps the slow machine from ruining everyone's latency: high concurrency is about
// doing many things at once *and still being right and fast*. This workbook teaches it in C# the
// way you would learn it at a bench: run the code, measure it on your machine, look at the chart,
// then write the code yourself and let a checker tell you what is wrong with it.
//
// This first chapter is short. It shows how the workbook works, checks that your machine is ready,
// and teaches the one skill every later chapter relies on: **measuring properly**.
//
// **You will learn**
//
// - how a chapter is laid out, and the two ways to run it (VS Code, or the headless runner)
// - what your machine brings: cores, runtime, garbage collector
// - why one stopwatch reading lies, and how warm-up, repetitions, medians and percentiles fix it
// - how the eight techniques of the Python article map to .NET, and where each one is taught
// - how exercises, hints and your progress work

Twin.Section("How this workbook works");
// ## How this workbook works
//
// Every chapter is a notebook: prose, then small code cells you run top to bottom. Longer code lives in
// the workbook's library (`lib/Workbook`) so each cell shows one idea; you can open the library in
// your editor at any time to see how something is done.
//
// There are two ways to run a chapter:
//
// - **Interactively, in VS Code** with the *Polyglot Notebooks* extension: build the library once with
//   `dotnet build lib/Workbook`, open the notebook, and run the cells. You can change any cell and run
//   it again.
// - **Headless, with the runner**: `dotnet run --project lib/Workbook.Runner -- run notebooks` executes
//   every chapter in a fresh C# kernel and writes the executed notebooks and an HTML site with all the
//   charts. Nothing to install beyond the .NET SDK.
//
// > **A note on tooling.** In 2026 Microsoft deprecated Polyglot Notebooks and .NET Interactive, the
// > engine behind them: the extension still runs in VS Code but gets no further fixes. For you this
// > means: use it while it works, and know that nothing here depends on it alone. The library is plain
// > .NET, the runner produces a readable site, and every demonstration is a call into the library that
// > you can make from any C# program.
//
// The first code cell of every chapter is the same **setup cell**. It loads the workbook library (and
// the packages it depends on) and prepares charts. If the library has not been built yet, it tells you
// the one command to run. Run it now.

Twin.Section("Check your environment");
// ## Check your environment
//
// Concurrency results depend on the machine. The number that matters most is the number of
// **cores**: it is the ceiling on how much CPU-bound work can really run at the same time. The garbage
// collector's mode matters too: *workstation* GC (the default for notebooks and console programs) and
// *server* GC (the default for ASP.NET Core) behave differently under many threads. The cell also
// shows the SDK and runtime versions: the workbook needs .NET 10.

Twin.Cell(5);
Console.WriteLine(Notebook.Environment());
Claim.That(Environment.Version.Major >= 10, "the runtime is .NET 10 or newer, as the workbook needs");
Claim.That(typeof(Plot).Assembly.Location.EndsWith("Workbook.dll"), "the workbook library is loaded");

// Write down your core count; later chapters compare their measurements against it. Charts are drawn
// with plotly. If the next cell shows a small bar chart, charts work in your setup.

Twin.Cell(7);
Twin.Show(Plot.Bar([("one", 1.0), ("two", 2.0), ("three", 3.0)], "Charts work", "", "value"));

Twin.Section("Measuring properly");
// ## Measuring properly
//
// Most claims in this workbook are measurements, so it pays to measure well. A single reading from a
// `Stopwatch` is misleading for several reasons:
//
// - **Just-in-time compilation.** The first call of a method includes compiling it; .NET's *tiered
//   compilation* compiles it again, optimised, once it has been called often enough.
// - **Caches and the garbage collector.** Cold caches make first runs slow; a collection can land in
//   the middle of any run.
// - **The rest of the machine.** Other processes and threads take cores away from you at random.
// - **Timer resolution.** Very short operations are smaller than the clock's useful precision.
//
// The cure is routine: **warm up** (run the work a few times and discard those runs), **repeat** (take
// many samples), and **summarise with the median and percentiles** rather than the mean, because the
// mean is dragged around by a few slow outliers. Let us see the first effect: a method that has never
// run before, timed once, and then timed properly.

Twin.Cell(9);
// A small CPU-bound workload: sum the square roots of the first 20,000 integers.
double Work()
{
    var total = 0.0;
    for (var i = 1; i <= 20_000; i++) total += Math.Sqrt(i);
    return total;
}

var cold = Measure.Once(() => Work());          // the very first call: includes JIT compilation
var warm = Measure.Repeat(() => Work(), repetitions: 200, warmup: 10);
Console.WriteLine($"first call      {Durations.Format(cold)}");
Console.WriteLine($"warm, 200 runs  {warm}");
Console.WriteLine($"the cold call took {cold / warm.Median:0.0}x the warm median");

// Two hundred samples of the same work are not all equal. The histogram shows their spread: a tall
// cluster around the typical time and a thin tail of slower runs, the ones that met a garbage
// collection, a context switch or a cache miss. A handful of runs are so slow that they would squash
// the picture, so it shows all but the slowest 1% (compare `max` with `p90` above to see them).

Twin.Cell(11);
var typical = warm.Milliseconds.Where(ms => ms <= warm.Stats.P99);
Twin.Show(Plot.Histogram(typical, "200 runs of the same work (slowest 1% left out)", "duration (ms)", bins: 40));

// A **percentile chart** tells the same story in the form you will see for latencies throughout the
// workbook: p50 is the median (half the runs were faster), p99 means only one run in a hundred was
// slower. Services are judged by their tail (p99), because at scale somebody always hits it.
//
// Now add **noise**: the same measurement while other threads keep every core busy. On a machine with
// few cores this is exactly what a shared CI runner or a busy laptop looks like.

Twin.Cell(13);
var noise = new CancellationTokenSource();
var burners = Enumerable.Range(0, Environment.ProcessorCount)
    .Select(_ => Task.Run(() => { var x = 0.0; while (!noise.IsCancellationRequested) x += Math.Sqrt(x + 1); }))
    .ToArray();
var busy = Measure.Repeat(() => Work(), repetitions: 200, warmup: 10);
noise.Cancel();
await Task.WhenAll(burners).WaitAsync(TimeSpan.FromSeconds(10));   // bounded: never hang the notebook
noise.Dispose();

Console.WriteLine($"quiet  {warm}");
Console.WriteLine($"busy   {busy}");
Twin.Show(Plot.Percentiles([("quiet", warm.Milliseconds), ("busy neighbours", busy.Milliseconds)], "Same work, quiet vs busy machine"));

// The busy run's tail is much longer than its median shift: competition for cores shows up first as
// *occasional* long delays. That is why the workbook reports medians and tails, and why it compares
// alternatives **side by side in the same run** (as ratios) rather than against numbers measured on
// another day or another machine.
//
// A claim that can be checked should be checked. Cells like the next one turn statements in the text
// into assertions; if one fails, the text is wrong for your machine and the cell says so.

Twin.Cell(15);
// Claims about the measurement itself (not about speed, which varies by machine):
Claim.That(warm.Samples.Count == 200, "every one of the 200 repetitions was recorded");
Claim.That(warm.Stats.Min <= warm.Stats.Median && warm.Stats.Median <= warm.Stats.Max,
    "the median lies between the fastest and the slowest run");
Claim.That(warm.Stats.Percentile(50) == warm.Stats.Median, "p50 is the median");

// > **Try** changing `repetitions` to 10 and run the cells again a few times. How much does the median
// > move between runs? Now try 1,000.

Twin.Section("From the Python article to .NET");
// ## From the Python article to .NET
//
// The article this workbook follows, *How Python concurrent programming copes with high concurrency*,
// names eight techniques. Each has a .NET counterpart, sometimes with a very different trade-off:
// .NET has no global interpreter lock, so threads run Python-style CPU-bound code truly in parallel,
// and processes are needed for isolation rather than for speed.
//
// | # | Technique | Python (the article) | .NET (this workbook) | Chapter |
// |---|-----------|----------------------|----------------------|---------|
// | 1 | Multithreading | `threading`; CPU-bound work serialised by the GIL | `Thread`, the thread pool, `Parallel.For`; no GIL, real parallelism | [01 · Threads](01-threads.ipynb) |
// | 2 | Multiprocessing | `multiprocessing` to get around the GIL | `Process` with a worker of our own, talking over stdin/stdout multiplexed with Nerdbank.Streams; for isolation and crashes | 02 · Processes |
// | 3 | Asynchronous I/O | `asyncio`, `async`/`await` | `Task`, `async`/`await`, `WhenAll`, `SemaphoreSlim`, `Parallel.ForEachAsync` | 03 · Async/await |
// | 4 | Coroutines | generators and `yield`, gevent | iterators (`yield return`), a cooperative scheduler, `IAsyncEnumerable` | 04 · Iterators as coroutines |
// | 5 | High-performance network libraries | aiohttp, httpx | Kestrel, `HttpClient` with `SocketsHttpHandler`, `System.IO.Pipelines` | 05 · Networking |
// | 6 | Message queues | RabbitMQ, Kafka, Redis | `System.Threading.Channels` in process; Redis Streams as a real broker | 06 · Queues |
// | 7 | Load balancing | round-robin, weighted round-robin, least connections | the same policies plus power of two choices and latency-aware; YARP | 07 · Load balancing |
// | 8 | Code optimisation | caching, profilers | memoisation, single-flight, `MemoryCache`, runtime counters, BenchmarkDotNet, `dotnet-counters` | 08 · Tuning |
//
// The article's side topics run through the chapters: the **iterator protocol** (04), **readable
// high-level APIs** such as `Parallel.ForEachAsync` and channels (03, 06), **resource management**
// with `using`/`await using` so no socket or process leaks (02, 05), and **deadlock avoidance** (01, 03).
// Chapter 09 puts everything together in one service.

Twin.Section("Exercises, hints and progress");
// ## Exercises, hints and progress
//
// Every chapter ends with exercises. Each has a **stub cell** that starts with `// Exercise NN.N:` and
// throws `NotImplementedException` until you replace the `TODO`, and a **check cell** that runs a
// checker from the library. A checker never crashes the notebook; it prints one of:
//
// - **PASSED**, with what it verified;
// - **NOT ATTEMPTED YET**, while the stub is untouched;
// - **FAILED**, with what went wrong ("expected 1,000,000 increments, counted 734,211") and how to get a hint.
//
// `Exercises.Hint("00.1")` prints a hint; call it again for a more specific one. Checkers run your code
// under a timeout, so a deadlocked answer fails with a message instead of hanging. Each pass is recorded
// in a progress file in your home folder (`~/.concurrency-workbook/progress.json`, or the path in the
// `WORKBOOK_PROGRESS` environment variable), shown below and by the runner's `progress` command.

Twin.Cell(19);
Console.WriteLine(Progress.Report());

Twin.Section("Exercises");
// ## Exercises
//
Twin.Section("Exercise 00.1: A correct median", level: 3);
// ### Exercise 00.1: A correct median
//
// The median is the summary statistic this workbook uses most. Implement it: for an odd number of
// values it is the middle one in sorted order; for an even number, the mean of the two middle ones.
// The checker tries odd and even sizes, unsorted input, duplicates and a single value, and checks that
// your method leaves the caller's data untouched.

Twin.Cell(22);
Twin.Check("00.1", () => new MyMedian());

// Stuck? Ask for a hint (run it again for the next one):

Twin.Cell(24);
Twin.Hint("00.1");

Twin.Section("Recap");
// ## Recap
//
// - A chapter is prose plus small cells; heavy code lives in the library; the setup cell loads it.
// - Run chapters in VS Code or headless with the runner; the HTML site keeps everything readable
//   without the deprecated extension.
// - Your core count is the ceiling for CPU-bound parallelism; keep it in mind.
// - Never trust one stopwatch reading: warm up, repeat, report the median and the tail, and compare
//   alternatives side by side in one run.
// - Exercises print PASSED, NOT ATTEMPTED YET or FAILED with a reason; hints come in levels.
//
// **Next:** [01 · Threads](01-threads.ipynb): threads, the thread pool and `Parallel`, with no GIL in the way.

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 00.1 (notebook cell 21) ═══
// ## Exercises
//
// ### Exercise 00.1: A correct median
//
// The median is the summary statistic this workbook uses most. Implement it: for an odd number of
// values it is the middle one in sorted order; for an even number, the mean of the two middle ones.
// The checker tries odd and even sizes, unsorted input, duplicates and a single value, and checks that
// your method leaves the caller's data untouched.
//
// Check it: dotnet run twins/00-start-here.cs -- --check 00.1
//
// Exercise 00.1: A correct median
// TODO: return the median of `values` without changing the list you were given.
public sealed class MyMedian : IMedian
{
    public double Of(IReadOnlyList<double> values) => throw new NotImplementedException();
}
