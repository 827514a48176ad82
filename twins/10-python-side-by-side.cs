#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 10 · Python side by side, as a C# file-based app: the twin of notebooks/10-python-side-by-side.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/10-python-side-by-side.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/10-python-side-by-side.cs    every demonstration; charts go to out/twins/10-python-side-by-side/
//     dotnet run twins/10-python-side-by-side.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/10-python-side-by-side.cs -- --check 10.1 --hint 2   one exercise; a failed check prints hint 2

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
using Workbook.SideBySide;

Twin.Start("10-python-side-by-side", "10 · Python side by side", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check<LruCacheFactory>("10.1", () => (function, maxSize) => new PortedLruCache(function, maxSize));
    Twin.Done();
    return;
}

// # 10 · Python side by side
//
// The article this workbook follows is written for Python. Every chapter so far did its techniques the
// .NET way; this appendix puts the two side by side. For each of the article's eight techniques there is
// one small workload written twice: in Python with the standard library only (`threading`,
// `multiprocessing`, `asyncio`, generators, sockets, `queue`, a tiny balancer, `functools.lru_cache`),
// in `data/python/side_by_side.py`, and in C# with the pieces of this workbook's library that the
// chapters built. Each cell starts CPython as a child process, reads the JSON it prints, then runs the
// C# half on the same machine, and prints both.
//
// Two kinds of numbers come out, and they answer different questions:
//
// - **ratios within one language** (a speedup with two threads, all waits ÷ one wait): *does the
//   technique work there?* Compare their shapes: ≈1× versus ≈2× says more than any absolute time.
// - **speed ratios** (nanoseconds per item, items per second): *how fast does each language do the same
//   work?* These are the "C# is N× faster" numbers, and they come with caveats you will read below.
//
// Both sides must compute exactly the same result (the same prime count, checksum, balancer decisions,
// cache hits), and every section checks that they did: a speed comparison of two programs that compute
// different things would mean nothing.
//
// **You will learn**
//
// - how the article's Python idioms map to .NET, technique by technique, with the same workload on both sides
// - why CPU-bound threads give CPython about 1× (the GIL) and .NET up to the core count, and what
//   processes cost to start in each
// - that asyncio and `Task.WhenAll` both keep 100,000 waits in flight on a handful of threads, at
//   very different costs per wait
// - what a generator, a queue hand-off, a balancer pick and a cache lookup cost per item in each language,
//   and where the language hardly matters (the network)
// - how to port Python semantics exactly: `functools.lru_cache`, hit for hit (exercise 10.1)

// The comparisons live in `Workbook.SideBySide`. First: is Python there? If `python3` cannot be started
// (or `WORKBOOK_PYTHON` points somewhere that does not exist), every cell below shows the results
// recorded in `data/python/recorded/`, both halves from one earlier run on the machine named there, and
// the line below says so.

Twin.Cell(4);
var options = new SideBySideOptions();   // python3 (or $WORKBOOK_PYTHON), standard sizes
var python = await PythonVsCSharp.CheckPythonAsync(options);
Console.WriteLine(python);
Console.WriteLine($"This machine: {MachineInfo.Current()}");
Console.WriteLine($"CPU-bound workloads use {options.Workers} workers; the C# library is a "
    + (PythonVsCSharp.CSharpOptimized ? "Release" : "Debug") + " build.");

// **How to read the numbers.** Python runs first and alone, then C#, so the two halves never compete for
// the cores. Each side repeats its work in rounds and keeps its best time, so a burst of load on the
// machine spoils one sample rather than the comparison (the C# side does at least ten rounds of its
// CPU-bound work, because its runs are a few milliseconds where CPython's take tenths of a second). Two
// caveats hold for every speed ratio below. The C# library runs as a **Debug** build, so you can step
// into it; a Release build runs its loops several times faster, while CPython has no such switch. And
// the **load average** printed above counts the threads of other programs competing for the same cores:
// well above 0, every speedup comes out below its ideal, on both sides.

Twin.Section("1 · Threads and the GIL");
// ## 1 · Threads and the GIL
//
// The same prime count as chapter 01: trial division of every number below 200,000, once on one thread
// and once on two threads taking blocks of 10,000 numbers from a shared counter. In Python:
//
// ```python
// with ThreadPoolExecutor(max_workers=2) as pool:
//     primes = sum(pool.map(count_range, blocks(limit)))
// ```
//
// and in C# `PrimeCounting.CountParallel(limit, threads: 2)` from chapter 01. CPython's global
// interpreter lock lets one thread at a time execute Python bytecode, so the second thread only takes
// turns with the first; .NET threads run JIT-compiled code on as many cores as there are.

Twin.Cell(7);
var threads = await PythonVsCSharp.RunAsync(Technique.Threads, options);
Console.WriteLine(threads);
Claim.That(threads.SameResult, $"CPython and C# counted the same {threads.Python.Result["primes"]:N0} primes");

Twin.Section("2 · Processes");
// ## 2 · Processes
//
// The article's answer to the GIL is `multiprocessing`: separate interpreters, each with its own lock.
// The .NET counterpart is chapter 02's `ProcessPool` of worker processes. Both sides start a pool of two
// workers (timed), then count the same primes in 16 chunks spread over them.
//
// ```python
// with multiprocessing.Pool(processes=2) as pool:
//     primes = sum(pool.map(count_range, chunks(limit, 16)))
// ```

Twin.Cell(9);
var processes = await PythonVsCSharp.RunAsync(Technique.Processes, options);
Console.WriteLine(processes);
Claim.That(processes.SameResult, "the process pools counted the same primes on both sides");

// Now the two speedups side by side, each relative to its own language's single thread, with the ideal
// (the worker count) marked by a grey tick:

Twin.Cell(11);
long workers = threads.Workload["workers"];
Console.WriteLine($"CPython: threads {threads.Headline.Python:0.00}x, processes {processes.Headline.Python:0.00}x;"
    + $" C#: threads {threads.Headline.CSharp:0.00}x, processes {processes.Headline.CSharp:0.00}x (ideal {workers}x)");
var start = processes.Figure($"starting a pool of {workers} processes");
Console.WriteLine($"starting the pool: CPython {start.Python:N0} ms, C# {start.CSharp:N0} ms");
Twin.Show(SideBySideCharts.Pairs(
    [("threads", threads.Headline), ("processes", processes.Headline)],
    $"Counting primes below 200,000 with {workers} workers: speedup over one", "speedup (× one worker)"));

// What to look for: **CPython's thread bar stays at about 1×** (often a little below: the threads also
// fight over the lock), while its process bar rises towards the ideal. The C# thread bar rises like
// CPython's process bar, with no processes needed. That is the article's advice in one chart: in
// CPython, processes for CPU-bound work; in .NET, threads.
//
// Two things go the other way. On Linux, `multiprocessing` **forks** the running interpreter, which takes
// milliseconds, while every .NET worker is a fresh `dotnet` process that starts the runtime and compiles
// its code: hundreds of milliseconds (on macOS and Windows Python spawns fresh interpreters too, and
// loses most of that advantage). And C#'s process speedup is lower than its thread speedup, because the
// whole count takes it a few milliseconds, so shipping 16 chunks to other processes and back is a
// sizeable part of the work. Processes in .NET are for isolation and crash safety (chapter 02), not for
// speed.
//
// > **Try** `options with { Workers = 1 }` in both cells: every speedup should then be about 1×, on
// > both sides. Anything far below 1× is pure overhead.

Twin.Section("3 · Async: 100,000 concurrent waits");
// ## 3 · Async: 100,000 concurrent waits
//
// The article's third technique is `asyncio`: one thread, an event loop, and coroutines that wait
// without blocking it. Here 100,000 of them each wait half a second, all at once:
//
// ```python
// async def one(index):
//     await asyncio.sleep(0.5)
//     return index
//
// values = await asyncio.gather(*(one(i) for i in range(100_000)))
// ```
//
// The C# half is the same shape: 100,000 `async` methods awaiting `Task.Delay(500)`, joined with
// `Task.WhenAll` (chapter 03). Neither side uses a thread per wait. Ideally the whole batch takes one
// wait, half a second; whatever it takes beyond that is the cost of creating, scheduling and completing
// 100,000 waits.

Twin.Cell(14);
var waits = await PythonVsCSharp.RunAsync(Technique.Async, options);
Console.WriteLine(waits);
Claim.That(waits.SameResult, $"both completed all {waits.Workload["waits"]:N0} waits, each exactly once (same checksum)");
Twin.Show(SideBySideCharts.Pairs([("all waits ÷ one wait", waits.Headline)],
    "100,000 concurrent half-second waits: the whole batch measured in single waits", "batch time ÷ one wait (×)"));

// Both bars should stand above the ideal of 1× (the grey tick), and CPython's well above C#'s: asyncio
// makes a coroutine, a `Task` and a timer handle per wait and runs every step in the interpreter, while
// .NET's timers and task continuations are compiled code spread over the thread pool. The lesson of
// chapter 03 holds in both languages: *waiting* is cheap when nothing blocks a thread, and 100,000
// concurrent waits are no problem for either. The difference is how much time the bookkeeping adds to
// each one (the "overhead per wait" line above).
//
// > **Try** in a terminal at the repository root:
// > `python3 data/python/side_by_side.py async --waits 100000 --delay-ms 50 --repeats 1`. With a tenth of
// > the wait, how long does the batch take now, and what does that say about where its time goes?

Twin.Section("4 · Generators and iterators");
// ## 4 · Generators and iterators
//
// Python's generators and C#'s iterator methods are the same idea (chapter 04): a function that
// `yield`s, paused between items, resumed by the consumer's loop. Both sides sum `2 × i` for two million
// items, once with a plain loop and once from a generator:
//
// ```python
// def doubled(count):
//     for i in range(count):
//         yield i * 2
//
// total = sum(doubled(2_000_000))      # the C# side: foreach over an iterator method
// ```

Twin.Cell(17);
var generators = await PythonVsCSharp.RunAsync(Technique.Generators, options);
Console.WriteLine(generators);
Claim.That(generators.SameResult, "the loop and the generator gave the same sum on both sides");
var perItem = generators.Figures.Where(f => f.Unit == "ns").Select(f => (f.Name.Replace("time per item, ", ""), f));
Twin.Show(SideBySideCharts.Pairs(perItem, "Cost per item: plain loop vs generator/iterator", "time per item (ns, log scale)", logY: true));

// The axis is logarithmic: each grid line is ten times the one below. Read it two ways. Across the
// languages, each CPython bar stands one to two orders of magnitude above its C# twin: an interpreted
// loop step costs tens of nanoseconds, a compiled one a few. Within each language, the generator costs
// more than the plain loop, because every item goes through a suspend and a resume (in C#, a call to
// `MoveNext` and one to `Current` on the iterator object). In Debug builds the C# iterator pays
// relatively more than it would in Release; chapter 04 measures that.

Twin.Section("5 · Networking");
// ## 5 · Networking
//
// High-performance network code in Python means non-blocking sockets under an event loop: here asyncio
// streams, a server on 127.0.0.1 and 50 clients, each sending 100 lines of the workbook's line protocol
// (`SUM 3 4` → `7`) one at a time and waiting for each reply. The C# half uses chapter 05's `LineServer`
// (sockets and System.IO.Pipelines) and `LineClient`s, on a free port of 127.0.0.1 as well.
//
// ```python
// reader, writer = await asyncio.open_connection("127.0.0.1", port)
// writer.write(f"SUM {client} {exchange}\n".encode())
// total += int(await reader.readline())
// ```

Twin.Cell(20);
var network = await PythonVsCSharp.RunAsync(Technique.Networking, options);
Console.WriteLine(network);
Claim.That(network.SameResult, $"all {network.Python.Result["replies"]:N0} replies arrived and added up alike on both sides");

// Expect the two rates to be **close**, within a factor of two either way, very unlike the CPU-bound
// sections. Every round trip crosses the operating system's TCP stack four times (two writes, two
// reads), and those system calls cost the same whichever language makes them; the language only runs
// the little code between them. A fast network library helps a server *scale* (many connections per
// thread, chapter 05), but the language's raw speed matters little once the network dominates.

Twin.Section("6 · Message queues");
// ## 6 · Message queues
//
// The article's queues run between processes (a broker) or threads. The hand-off itself is the same
// idea in both: one producer, one consumer, a bounded queue between them (chapter 06). Python's
// `queue.Queue` between two threads is the twin of C#'s `BlockingCollection`; `asyncio.Queue` between two
// coroutines is the twin of a bounded `Channel`.
//
// ```python
// channel = queue.Queue(maxsize=1000)
// # producer thread: channel.put(item) for item in 1..100,000, then channel.put(None)
// # consumer thread: while (item := channel.get()) is not None: total += item
// ```

Twin.Cell(23);
var queues = await PythonVsCSharp.RunAsync(Technique.Queues, options);
Console.WriteLine(queues);
Claim.That(queues.SameResult, $"every one of the {queues.Workload["items"]:N0} items arrived exactly once on both sides (count and checksum)");
Twin.Show(SideBySideCharts.Pairs(queues.Figures.Where(f => f.Unit == "items/s").Select(f => (f.Name.Replace("hand-off, ", ""), f)),
    "Producer to consumer hand-off", "items per second (log scale)", logY: true));

// In both languages the async queue beats the blocking one (the "async queue ÷ blocking queue" line):
// a blocked thread must be woken by the operating system, a suspended coroutine or task is resumed by
// plain code. CPython's blocking queue is the slowest of all: each `put` and `get` takes a lock and a
// condition variable, and the two threads also pass the GIL back and forth. Either way, the hand-off
// costs microseconds per item in CPython and a fraction of one in C#: for messages that take
// milliseconds to process, both are plenty.

Twin.Section("7 · Load balancing");
// ## 7 · Load balancing
//
// A tiny balancer in each language (chapter 07): round-robin, weighted round-robin with weights
// 4:2:1:1 (nginx's smooth algorithm) and least connections, replaying the same trace of 100,000
// requests. Request *t* arrives at step *t* and holds its backend for 1 to 12 steps, drawn from the
// same seeded generator on both sides. The C# half uses the workbook's `Balancers`; the Python half is
// forty lines, with the same tie-breaking rule, so that both make **the same decision at every step**,
// which the hash of the whole pick sequence checks.

Twin.Cell(26);
var balancing = await PythonVsCSharp.RunAsync(Technique.Balancing, options);
Console.WriteLine(balancing);
Claim.That(balancing.SameResult,
    $"all three policies made the same {balancing.Workload["requests"]:N0} decisions in CPython and C# (same counts, same sequence hash)");
Twin.Show(SideBySideCharts.Pairs(balancing.Figures.Select(f => (f.Name.Replace(", per request", ""), f)),
    "One request through the balancer: pick, then release", "time per request (ns, log scale)", logY: true));

// A pick costs CPython a few microseconds and C# a few hundred nanoseconds, including the release
// (the C# side also allocates a `Lease` and reads the clock for latency, which the tiny Python balancer
// skips). Either is negligible next to forwarding a request over the network: the choice between the
// languages matters for a balancer's *throughput* on one core, not for the latency a client sees.
//
// > **Try** reading the Python `LeastConnections.pick` in `data/python/side_by_side.py`: why does the scan
// > start at a different backend each time, and what would happen to backend 0 if it always started there?

Twin.Section("8 · Tuning: caching with `functools.lru_cache`");
// ## 8 · Tuning: caching with `functools.lru_cache`
//
// The article's last technique is optimisation: profile, then remove repeated work, for example with a
// cache. Ten thousand calls of a CPU-bound function (count the primes among 20 numbers), three in four
// to 64 hot keys, once directly and once through a least-recently-used cache of 128 entries:
//
// ```python
// memo = functools.lru_cache(maxsize=128)(expensive)
// total = sum(memo(key) for key in keys)
// memo.cache_info()   # CacheInfo(hits=..., misses=..., maxsize=128, currsize=128)
// ```
//
// The C# half uses `LruCache`, a port of `lru_cache` with the same eviction rule, so that it must count
// exactly the same hits and misses.

Twin.Cell(29);
var caching = await PythonVsCSharp.RunAsync(Technique.Caching, options);
Console.WriteLine(caching);
Claim.That(caching.SameResult,
    $"the C# port counted exactly lru_cache's {caching.Python.Result["hits"]:N0} hits and {caching.Python.Result["misses"]:N0} misses");
Console.WriteLine($"hit rate {100.0 * caching.Python.Result["hits"] / caching.Workload["calls"]:0.#} % on both sides; the cache made "
    + $"CPython {caching.Headline.Python:0.0}x faster and C# {caching.Headline.CSharp:0.0}x");

// Same cache, same hits, yet it pays off differently. A cache saves the function's cost on every hit and
// adds its own bookkeeping (a lookup, moving the entry to the front) on every call. In CPython the
// function costs microseconds and the bookkeeping is small beside it, so the cache approaches its limit
// (with a hit rate *h* the best possible speedup is 1 ÷ (1 − *h*)). In C# the function is fast enough
// that the bookkeeping takes a noticeable share, and the cache saves much less: **measure before you
// cache**, in any language. That is the article's tuning advice too: profile first, then optimise what
// the profile shows.

Twin.Section("All eight, side by side");
// ## All eight, side by side
//
// The comparisons measured above, in one table and two charts. First the results: every technique's
// two halves computed the same thing.

Twin.Cell(32);
Comparison[] all = [threads, processes, waits, generators, network, queues, balancing, caching];
foreach (var c in all)
    Console.WriteLine($"{c.Technique,-11} {c.Headline.Name,-38} CPython {Figure.Format(c.Headline.Python),9}"
        + $"   C# {Figure.Format(c.Headline.CSharp),9} {c.Headline.Unit,-7}  C# advantage {Figure.Format(c.Headline.CSharpAdvantage)}x");
Console.WriteLine($"source: {(all.All(c => c.Source == ComparisonSource.Live) ? "live, this run" : "recorded: " + all[0].Run)}");
Claim.That(all.All(c => c.SameResult), "all eight workloads computed the same results in CPython and in C#");

// Then the speed of the same work: one bar per technique, C#'s advantage on that technique's basic speed
// figure (for the CPU-bound ones, the single-threaded cost). Blue bars above the dashed 1× line are
// where C# was faster, orange ones below it where CPython was.

Twin.Cell(34);
Twin.Show(SideBySideCharts.Speed(all));

// Expect a wide spread on the logarithmic axis: tens of times for pure computation (loops, prime tests,
// per-item work), a few times for code dominated by the runtime's machinery (queues, balancer
// bookkeeping), about 1× where the operating system does the work (the network), and CPython ahead on
// one figure that is not computation at all if you look back at section 2: starting a process. A single
// "C# is N× faster than Python" does not exist; it depends on where the time goes.
//
// Finally the ratios within each language: how well each technique worked where it was used.

Twin.Cell(36);
Twin.Show(SideBySideCharts.Scaling(all));

// Here the two colours should mostly tell the same story (the async queue beats the blocking one, the
// cache helps, a generator costs more than a loop), with two exceptions the article is about: CPython's
// threads do not speed up CPU-bound work and its process start-up is cheap; .NET's threads do, and its
// processes are expensive. Everything else is the same technique, in a faster or slower language.
//
// > **Try** `await PythonVsCSharp.RecordAsync(Technique.Threads)` to save this run as the recording that
// > machines without Python will show, or `new SideBySideOptions { PythonExecutable = "/no/python" }` to
// > see what they see.

Twin.Section("Exercises");
// ## Exercises
//
Twin.Section("Exercise 10.1: Port functools.lru_cache", level: 3);
// ### Exercise 10.1: Port functools.lru_cache
//
// Porting code between languages is mostly porting *semantics*: the exact rules, not the syntax. Port
// `functools.lru_cache` to C#. `PortedLruCache` wraps a function of an `int` and keeps at most
// `maxSize` results:
//
// - `Get(key)`: if `key` is cached, it is a **hit**: return the stored value without calling the
//   function, and make `key` the most recently used. Otherwise it is a **miss**: call the function,
//   store the value, and if that makes more than `maxSize` entries, drop the **least recently used** one.
//   With `maxSize` 0 nothing is stored (every call is a miss).
// - `Info`: hits, misses, `maxSize` and the current number of entries, like `cache_info()`.
// - Like `lru_cache`, it must be safe to call from many threads at once.
//
// The check replays call sequences against Python's rules and reports the first call where your cache
// disagrees (a hit where Python has a miss, or the reverse), then runs a seeded sequence of 3,000 calls
// and finally several threads at once.

Twin.Cell(40);
Twin.Check<LruCacheFactory>("10.1", () => (function, maxSize) => new PortedLruCache(function, maxSize));

Twin.Cell(41);
Twin.Hint("10.1");

Twin.Section("Recap");
// ## Recap
//
// - Each of the article's eight techniques has a direct .NET counterpart, and with the same workload on
//   both sides both compute exactly the same results: prime counts, checksums, 300,000 balancer
//   decisions, cache hits and misses.
// - **Threads**: CPython's stay at about 1× on CPU-bound work because of the GIL; .NET's scale towards the
//   core count. **Processes** scale in both, start in milliseconds in CPython (fork) and in hundreds of
//   milliseconds in .NET, whose processes are for isolation, not speed.
// - **Async**: asyncio and `Task.WhenAll` both hold 100,000 waits on a few threads; the bookkeeping per
//   wait costs CPython tens of microseconds and .NET one or two.
// - **Per-item work** (generators, queue hand-offs, balancer picks, uncached calls) is typically ten to
//   a hundred times cheaper in C#, even in a Debug build; **network round trips** cost about the same in
//   both, because the operating system does the work.
// - **Caching** saves the same hits in both languages but pays off more where the function is slow
//   relative to the cache's own bookkeeping: measure before you optimise.
// - A speed ratio depends on where the time goes; report it measured side by side in one run, never as
//   a single "N× faster".
//
// Back to [00 · Start here](00-start-here.ipynb), the start of the workbook.

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 10.1 (notebook cell 39) ═══
// ## Exercises
//
// ### Exercise 10.1: Port functools.lru_cache
//
// Porting code between languages is mostly porting *semantics*: the exact rules, not the syntax. Port
// `functools.lru_cache` to C#. `PortedLruCache` wraps a function of an `int` and keeps at most
// `maxSize` results:
//
// - `Get(key)`: if `key` is cached, it is a **hit**: return the stored value without calling the
//   function, and make `key` the most recently used. Otherwise it is a **miss**: call the function,
//   store the value, and if that makes more than `maxSize` entries, drop the **least recently used** one.
//   With `maxSize` 0 nothing is stored (every call is a miss).
// - `Info`: hits, misses, `maxSize` and the current number of entries, like `cache_info()`.
// - Like `lru_cache`, it must be safe to call from many threads at once.
//
// The check replays call sequences against Python's rules and reports the first call where your cache
// disagrees (a hit where Python has a miss, or the reverse), then runs a seeded sequence of 3,000 calls
// and finally several threads at once.
//
// Check it: dotnet run twins/10-python-side-by-side.cs -- --check 10.1
//
// Exercise 10.1: Port functools.lru_cache
// TODO: make Get behave like a function decorated with @functools.lru_cache(maxsize=maxSize), and Info like cache_info().
public sealed class PortedLruCache : ILruCache
{
    private readonly Func<int, long> _function;
    private readonly int _maxSize;

    public PortedLruCache(Func<int, long> function, int maxSize) => (_function, _maxSize) = (function, maxSize);

    public CacheInfo Info => throw new NotImplementedException();

    public long Get(int key) => throw new NotImplementedException();
}
