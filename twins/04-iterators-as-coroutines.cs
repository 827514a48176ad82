#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 04 · Iterators as coroutines, as a C# file-based app: the twin of notebooks/04-iterators-as-coroutines.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/04-iterators-as-coroutines.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/04-iterators-as-coroutines.cs    every demonstration; charts go to out/twins/04-iterators-as-coroutines/
//     dotnet run twins/04-iterators-as-coroutines.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/04-iterators-as-coroutines.cs -- --check 04.1 --hint 2   one exercise; a failed check prints hint 2

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
using System.Runtime.CompilerServices;     // [EnumeratorCancellation]
using Workbook.Coroutines;                 // this chapter's part of the workbook library

Twin.Start("04-iterators-as-coroutines", "04 · Iterators as coroutines", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("04.1", () => new LazyBatcher());
    Twin.Check("04.2", () => new SleepAwarePolicy());
    Twin.Done();
    return;
}

// # 04 · Iterators as coroutines
//
// Before Python had `async` and `await`, it already had coroutines: **generators**. A function with
// `yield` stops in the middle, hands a value out, and carries on from exactly that point the next time
// someone asks, with all its local variables intact. Put many of them under a loop that resumes each in
// turn, and you have concurrency on a single thread: that is how asyncio's first coroutines worked.
//
// C# has the same building block: the **iterator**, a method with `yield return`. This chapter takes it
// apart and builds upwards: the protocol behind `foreach`, why `Dispose` matters, lazy pipelines that
// touch only the data they need, a small cooperative scheduler that runs iterator-based tasks in virtual
// time, the compiler-made state machines behind `async` methods, asynchronous streams that can be
// cancelled, and what each way of producing items costs.
//
// **You will learn**
//
// - the iterator protocol (`IEnumerable<T>`, `IEnumerator<T>`: `MoveNext`, `Current`, `Dispose`), by
//   writing it by hand, and what `foreach` really does
// - why `Dispose` matters: an iterator's `finally` runs when a `foreach` stops early, and never if nobody disposes
// - how `yield return` makes the compiler write the enumerator, and what *lazy* means in practice
// - lazy pipelines: read → parse → filter → take 5 reads fewer than 200 lines of a 100,000-line file
// - coroutines from iterators: a deterministic round-robin scheduler with `Yield`, `Sleep` and `WaitFor`,
//   and a timeline of who ran when
// - that `async` methods are state machines made by the compiler, just like iterators
// - `IAsyncEnumerable<T>` and `await foreach`, with cancellation that reaches the producer's `finally`
// - the cost per item of a loop, an iterator, LINQ and an async iterator

Twin.Section("The iterator protocol, by hand");
// ## The iterator protocol, by hand
//
// `foreach` works with two small interfaces. An `IEnumerable<T>` is a *sequence*: all it can do is hand
// out a cursor with `GetEnumerator()`. An `IEnumerator<T>` is that *cursor*: `MoveNext()` advances to the
// next item and says whether there was one, `Current` reads it, and `Dispose()` releases whatever the
// cursor holds. A sequence can hand out many independent cursors; each cursor is used once.
//
// Here is a countdown written by hand, cursor first. Every call prints a line, so you can watch what
// `foreach` does.

Twin.Cell(7);
foreach (int n in new Countdown(3))
    Console.WriteLine($"body sees {n}");

// One `GetEnumerator`, a `MoveNext` before every item (and a last one that answers `False`), and a
// `Dispose` at the end. The compiler turns the `foreach` into the code below; run it and you get the
// same calls. Note the `finally`: `Dispose` runs however the loop ends, by running out of items, by
// `break`, by `return`, or by an exception.

Twin.Cell(9);
// What the compiler makes of `foreach (int n in new Countdown(3)) Console.WriteLine(...)`:
IEnumerator<int> cursor = new Countdown(3).GetEnumerator();
try
{
    while (cursor.MoveNext())
    {
        int n = cursor.Current;
        Console.WriteLine($"body sees {n}");
    }
}
finally
{
    cursor.Dispose();   // always: also after break, return or an exception in the body
}

// > **Try** adding `if (n == 2) break;` to the body of the first loop. Which calls disappear, and is
// > `Dispose` still among them?

Twin.Section("Why `Dispose` matters");
// ## Why `Dispose` matters
//
// A cursor may hold something that has to be released: an open file, a database reader, a network
// connection. In an iterator method you write the release in a `finally` block, and the compiler makes
// `Dispose` run any `finally` that is still pending. So when a consumer stops early (a `break`, LINQ's
// `Take` or `First`, an exception), it is `Dispose` that closes the file.
//
// The iterator below pretends to read a 1,000-line file and logs every step. The consumer stops after
// the second line.

Twin.Cell(12);
var log = new List<string>();
IEnumerable<string> OpenLines(string name)
{
    log.Add($"open {name}");
    try { for (int i = 1; i <= 1_000; i++) { log.Add($"read {i}"); yield return $"{name}:{i}"; } }
    finally { log.Add($"close {name}"); }    // runs on Dispose: also when the consumer stops early
}

foreach (string line in OpenLines("a.txt"))
    if (line.EndsWith(":2")) break;                                   // stop after 2 lines
Console.WriteLine(string.Join(" | ", log));
Claim.That(log.Count == 4 && log[^1] == "close a.txt",
    "the break stopped the reading after 2 lines and still ran the iterator's finally");

// `foreach` and LINQ always dispose. Code that walks an enumerator by hand must do it itself, and when it
// forgets, the `finally` never runs: the file stays open until the process ends.

Twin.Cell(14);
log.Clear();
IEnumerator<string> manual = OpenLines("b.txt").GetEnumerator();
manual.MoveNext(); manual.MoveNext();                      // read two lines by hand ... and forget Dispose
Console.WriteLine("without Dispose: " + string.Join(" | ", log));
Claim.That(!log.Contains("close b.txt"), "without Dispose the finally block has not run: b.txt is still open");
manual.Dispose();
Console.WriteLine("after Dispose:   " + string.Join(" | ", log));
Claim.That(log[^1] == "close b.txt", "Dispose ran the pending finally block");

log.Clear();
string firstLine = OpenLines("c.txt").First();
Claim.That(log[^1] == "close c.txt", $"First() returned '{firstLine}' and disposed its enumerator too");

// > **Try** replacing the `break` in the first cell of this section with `throw new Exception("boom")`
// > inside a `try { ... } catch { }`. Is `a.txt` still closed?

Twin.Section("`yield return`: the compiler writes the cursor");
// ## `yield return`: the compiler writes the cursor
//
// Writing a cursor class by hand is tedious and easy to get wrong. A method that contains `yield return`
// is an **iterator method**, and the compiler writes the cursor for you: the method body becomes
// `MoveNext`, its local variables become fields, and every `yield return` becomes a point where `MoveNext`
// returns `true` and from which the next call carries on. The whole countdown:

Twin.Cell(17);
IEnumerable<int> CountdownYield(int from)
{
    for (int n = from; n > 0; n--)
        yield return n;
}

Claim.That(CountdownYield(3).SequenceEqual([3, 2, 1]), "the yield version produces 3, 2, 1 like the classes above");

// That makes iterators **lazy**. Calling `CountdownYield(3)` runs none of its body: it only creates the
// cursor. Each `MoveNext` runs the body up to the next `yield return`, so producing and consuming
// alternate: one item made, one item used. `ToList()` is the opposite, **eager**: it runs the iterator
// to the end first. Watch the order of events:

Twin.Cell(19);
var events = new List<string>();
IEnumerable<int> Produce(int count)
{
    for (int i = 1; i <= count; i++) { events.Add($"produce {i}"); yield return i; }
}

IEnumerable<int> numbers = Produce(3);
Claim.That(events.Count == 0, "calling an iterator method runs none of its body");
foreach (int i in numbers) events.Add($"consume {i}");
string lazyOrder = string.Join(", ", events);
events.Clear();
foreach (int i in Produce(3).ToList()) events.Add($"consume {i}");
Console.WriteLine($"lazy:  {lazyOrder}\neager: {string.Join(", ", events)}");
Claim.That(lazyOrder == "produce 1, consume 1, produce 2, consume 2, produce 3, consume 3",
    "lazily, each item is consumed before the next is produced");

// > **Try** calling `numbers.Count()` twice and look at `events`: every enumeration runs the iterator
// > again from the start. Laziness means the work is redone, not remembered.

Twin.Section("Lazy pipelines: only what is needed is ever produced");
// ## Lazy pipelines: only what is needed is ever produced
//
// Chain iterators and you get a pipeline in which each stage pulls from the one before it, one item at a
// time. Nothing happens until the last stage asks, and it stops asking once it has what it wants. Python
// programmers know this from generator pipelines; in .NET, `File.ReadLines` and LINQ's `Select`, `Where`
// and `Take` are all lazy stages.
//
// Let us write a sensor log of 100,000 lines (seeded, so the file and every number below are the same on
// each run) and find the **first five heat spikes** (readings above 30 °C). A `PullProbe` counts the items
// that pass each stage.

Twin.Cell(22);
string logPath = Path.Combine(Path.GetTempPath(), "workbook-04-sensors.csv");
SensorLog.Write(logPath, count: 100_000, seed: 42);
Console.WriteLine($"{logPath}: {new FileInfo(logPath).Length / 1024:N0} KB. The first lines:");
foreach (string line in File.ReadLines(logPath).Take(3)) Console.WriteLine("  " + line);

Twin.Cell(23);
List<SensorReading> LazyHot(PullProbe probe) =>
    File.ReadLines(logPath).CountInto(probe, "read")              // File.ReadLines is itself lazy: a line at a time
        .Select(SensorReading.Parse).CountInto(probe, "parse")
        .Where(r => r.Celsius > SensorLog.HotCelsius).CountInto(probe, "hot")
        .Take(5).CountInto(probe, "first 5")
        .ToList();

List<SensorReading> EagerHot(PullProbe probe) =>
    File.ReadAllLines(logPath).CountInto(probe, "read")           // the whole file into memory
        .Select(SensorReading.Parse).CountInto(probe, "parse").ToList()   // ToList after each stage:
        .Where(r => r.Celsius > SensorLog.HotCelsius).CountInto(probe, "hot").ToList()   // everything, every time
        .Take(5).CountInto(probe, "first 5")
        .ToList();

Twin.Cell(24);
var lazy = new PullProbe();
var eager = new PullProbe();
long before = GC.GetAllocatedBytesForCurrentThread();
List<SensorReading> hot = LazyHot(lazy);
long lazyBytes = GC.GetAllocatedBytesForCurrentThread() - before;
before = GC.GetAllocatedBytesForCurrentThread();
List<SensorReading> hotEager = EagerHot(eager);
long eagerBytes = GC.GetAllocatedBytesForCurrentThread() - before;
Console.WriteLine($"lazy:  {lazy}\neager: {eager}");
hot.ForEach(r => Console.WriteLine("  " + r));
Console.WriteLine($"allocated: lazy {lazyBytes / 1024.0:N0} KB, eager {eagerBytes / 1048576.0:N1} MB "
    + $"({(double)eagerBytes / lazyBytes:N0}x as much)");
Claim.That(hotEager.SequenceEqual(hot), "both pipelines find the same five heat spikes");
Claim.That(lazy["read"] < 1_000, $"the lazy pipeline read only {lazy["read"]:N0} of the 100,000 lines");
Claim.That(lazy.Stages.All(s => s.Disposed), "Take(5) stopped early and every stage was disposed: the file is closed");

// The lazy pipeline read fewer than 200 lines and stopped; the eager one read, parsed and filtered all
// 100,000 before `Take(5)` threw almost everything away. On the chart (logarithmic axis) the lazy bars
// stay near the bottom while the eager ones reach the dashed line of the whole file. Timing both side by
// side:

Twin.Cell(26);
var lazyTime = Measure.Repeat(() => LazyHot(new PullProbe()), repetitions: 10, warmup: 2);
var eagerTime = Measure.Repeat(() => EagerHot(new PullProbe()), repetitions: 10, warmup: 2);
Console.WriteLine($"lazy   {lazyTime}\neager  {eagerTime}");
Console.WriteLine($"the eager pipeline took {eagerTime.Median / lazyTime.Median:N0}x as long for the same 5 readings");
Twin.Show(PipelineChart.ItemsPerStage(
    [("lazy (iterators)", lazy), ("eager (ToList after each stage)", eager)],
    sourceSize: 100_000, title: "First 5 heat spikes: items that passed each stage"));

// Laziness is not free of pitfalls. A lazy result is a *recipe*: enumerate it twice and the file is read
// twice. And it must be enumerated while its inputs are still there: a lazy query over a file that is
// deleted, or a database connection that is closed, fails when it finally runs, far from where it was written.
// Materialise (`ToList`) deliberately, once, when you need the results more than once.
//
// > **Try** putting `.ToList()` right after `File.ReadLines(logPath)` in `LazyHot`. How many lines does
// > "read" count now, and which stage is still lazy?

Twin.Cell(28);
File.Delete(logPath);   // clean up the sensor log

Twin.Section("Coroutines: tasks that take turns");
// ## Coroutines: tasks that take turns
//
// An iterator is a function that can stop in the middle and be resumed later with its locals intact,
// which is exactly what a **coroutine** is. Python built its first coroutines this way: generators that
// can receive values (PEP 342, 2005), `yield from` to call one from another (Python 3.3), and asyncio
// (3.4) running generator-based coroutines before the `async`/`await` keywords arrived in 3.5.
//
// The workbook's `CooperativeScheduler` works the same way. A task is an iterator of `Instruction`s; each
// `yield return` hands control back to the scheduler together with a request:
//
// - `Instruction.Yield`: let the others have a turn;
// - `Instruction.Sleep(ticks)`: do not run me for a while;
// - `Instruction.WaitFor(task)`: do not run me until that task has finished.
//
// The scheduler is a loop on **one thread**: pick the next ready task, resume it (one `MoveNext`) until it
// yields, act on its instruction, repeat. Nothing is preempted: a task that never yields keeps everyone
// else waiting, which is why this is called *cooperative*. Time is **virtual**: every step takes exactly
// one tick, and when no task can run, the clock jumps to the next wake-up. Because nothing depends on the
// wall clock, the same tasks always interleave the same way, so the claims below can state exact ticks.
//
// The rules, precisely: ready tasks take turns first come, first served (round-robin); a step at tick *t*
// occupies tick *t*; a task that yields `Sleep(n)` there may run again at tick *t* + 1 + *n* at the
// earliest; a task that wakes up or whose awaited task finishes joins the back of the queue.

Twin.Cell(30);
IEnumerable<Instruction> Worker(int turns)
{
    for (int i = 0; i < turns; i++)
        yield return Instruction.Yield;      // a little work would go here; then give up the turn
}

ScheduleReport RunWorkers()
{
    var scheduler = new CooperativeScheduler();
    scheduler.Spawn("A", Worker(3)); scheduler.Spawn("B", Worker(2)); scheduler.Spawn("C", Worker(3));
    return scheduler.Run();
}

Twin.Cell(31);
ScheduleReport turns = RunWorkers();
Console.WriteLine($"{turns}\norder: {turns.OrderText}");
Claim.That(turns.OrderText == "A B C A B C A B C A C",
    "A, B and C take turns in spawn order; B finishes first, then A and C alternate");
Claim.That(RunWorkers().OrderText == turns.OrderText,
    "a second run interleaves exactly the same way: the scheduler is deterministic");

// Each task takes one step more than it yields: the last `MoveNext` runs off the end of the iterator and
// finishes the task. The timeline shows the turns: blue is running, grey is *ready but waiting for its
// turn*, and at every tick exactly one task runs.

Twin.Cell(33);
Twin.Show(ScheduleChart.Timeline(turns, "Three tasks taking turns on one thread"));

// Now a task that waits for others, and two that sleep. Breakfast needs boiled water (the kettle sleeps
// 6 ticks) and toast (3 ticks); meanwhile a chatty task keeps yielding. Each task prints what it does, with
// the virtual tick.

Twin.Cell(35);
IEnumerable<Instruction> Appliance(CooperativeScheduler s, string what, int ticks)
{
    Console.WriteLine($"tick {s.Now,2}: {what} starts ({ticks} ticks)");
    yield return Instruction.Sleep(ticks);           // away for `ticks` ticks: others run meanwhile
    Console.WriteLine($"tick {s.Now,2}: {what} done");
}

IEnumerable<Instruction> Breakfast(CooperativeScheduler s, CoTask kettle, CoTask toaster)
{
    yield return Instruction.WaitFor(kettle);        // not resumed until the kettle has finished
    yield return Instruction.WaitFor(toaster);       // already finished by then: continues at its next turn
    Console.WriteLine($"tick {s.Now,2}: breakfast is served");
}

Twin.Cell(36);
var kitchen = new CooperativeScheduler();
CoTask kettle = kitchen.Spawn("kettle", Appliance(kitchen, "kettle", 6));
CoTask toaster = kitchen.Spawn("toaster", Appliance(kitchen, "toaster", 3));
kitchen.Spawn("breakfast", Breakfast(kitchen, kettle, toaster));
kitchen.Spawn("chatter", Worker(4));
ScheduleReport morning = kitchen.Run();
Console.WriteLine(morning);
long oneAfterAnother = morning.Steps.Count + 6 + 3;     // every step, plus both sleeps, back to back
Console.WriteLine($"{morning.EndTick} ticks together; one task after another: {oneAfterAnother} ticks "
    + $"({(double)oneAfterAnother / morning.EndTick:0.0}x)");
Claim.That(morning.RunTicks("kettle").SequenceEqual([0L, 8L]),
    "the kettle was due at tick 7 (0 + 1 + 6), but chatter was ahead in the queue: it ran at 8");
Claim.That(morning.RunTicks("breakfast")[^1] > kettle.FinishedAt && kettle.FinishedAt > toaster.FinishedAt,
    "breakfast was served only after the toaster and then the kettle had finished");
Claim.That(morning.EndTick < oneAfterAnother, "while some tasks slept or waited, the others ran: fewer ticks in all");

// On the timeline, light blue is sleeping and orange is waiting for another task. While the kettle and
// the toaster sleep, chatter keeps the thread busy; breakfast waits (orange) until the kettle is done,
// then joins the queue; the clock never needed to jump (no idle row) because someone could always run.

Twin.Cell(38);
Twin.Show(ScheduleChart.Timeline(morning, "Breakfast: sleeping, waiting and taking turns in virtual time"));

// > **Try** removing the chatter task. The `(idle)` row appears: with nobody ready, the clock jumps
// > straight to the next wake-up. Then give the toaster 8 ticks and predict the tick at which breakfast
// > is served before you run it.
//
// Coroutines can deadlock too. Two tasks that wait for each other can never be resumed; since the
// scheduler knows exactly who waits for whom, it detects the cycle, stops, and disposes the stuck tasks so
// their `finally` blocks still release what they hold (as in [01 · Threads](01-threads.ipynb), the cure is
// to never let the waits form a cycle).

Twin.Cell(40);
var stuck = new CooperativeScheduler();
var handles = new Dictionary<string, CoTask>();
IEnumerable<Instruction> Transfer(string name, string other)
{
    try { yield return Instruction.WaitFor(handles[other]); }
    finally { Console.WriteLine($"{name}: finally ran (resources released)"); }
}

handles["A"] = stuck.Spawn("A", Transfer("A", "B"));
handles["B"] = stuck.Spawn("B", Transfer("B", "A"));
ScheduleReport deadlock = stuck.Run();
Console.WriteLine(deadlock);
Claim.That(deadlock.Outcome == ScheduleOutcome.Stalled, "the scheduler saw that neither task could ever run again");

// How cheap is a coroutine? Each is one small iterator object, and a switch from one task to the next is a
// method call on the same thread. Threads switch differently: one thread wakes another through the
// operating system and blocks, and the OS scheduler has to put the other one on a core.
// `SwitchCost.ThreadHandOff` measures that, side by side with ten thousand coroutines taking ten turns each:

Twin.Cell(42);
var crowd = new CooperativeScheduler();
long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (int i = 0; i < 10_000; i++) crowd.Spawn($"t{i}", Worker(10));
long bytesPerTask = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 10_000;
var crowdRun = Measure.Time(() => crowd.Run());
double coroutineSwitch = crowdRun.Elapsed.TotalNanoseconds / crowdRun.Value.Steps.Count;
double threadHandOff = SwitchCost.ThreadHandOff(roundTrips: 2_000).TotalNanoseconds;
Console.WriteLine(crowdRun.Value);
Console.WriteLine($"coroutine switch {coroutineSwitch,8:N0} ns (recording included); {bytesPerTask:N0} bytes per task");
Console.WriteLine($"thread hand-off  {threadHandOff,8:N0} ns: {threadHandOff / coroutineSwitch:0.0}x a coroutine switch");
Claim.That(crowdRun.Value.Outcome == ScheduleOutcome.Completed && crowdRun.Value.Steps.Count == 110_000,
    "all 10,000 tasks ran their 11 steps each, on one thread");

// A coroutine here costs a few hundred bytes, and a switch is a method call plus the scheduler's
// bookkeeping (this one also records every step for the timeline). A thread reserves a stack of its own
// (a megabyte or more of address space) and costs tens of microseconds to start (chapter 01 measured it),
// and every hand-off between threads goes through the operating system. That is the appeal of coroutines
// for high concurrency: ten thousand waiting conversations are cheap when each is a paused function
// rather than a blocked thread. The price is the cooperative contract: one task that computes for a long
// time without yielding stalls all ten thousand.
//
Twin.Section("From `yield` to `await`");
// ## From `yield` to `await`
//
// Look at the breakfast task once more: `yield return Instruction.WaitFor(kettle)` means *suspend me until
// the kettle is done, then resume me right here*. That is exactly what `await kettleTask` means. C#
// `async` methods are built with the same compiler trick as iterators: the method becomes a state
// machine whose `MoveNext` runs up to the next `await`.
//
// | our scheduler | async/await |
// |---|---|
// | `CoTask` | `Task` |
// | `yield return` an instruction | `await` an awaitable |
// | `Instruction.Sleep(n)` | `await Task.Delay(...)` |
// | `Instruction.WaitFor(task)` | `await task` |
// | the scheduler resumes the task (calls `MoveNext`) | the awaited task's completion calls `MoveNext` (the *continuation*), on the thread pool or the captured context |
//
// One difference matters: our scheduler *pulls* (it resumes tasks in turn and asks each what it waits
// for), while with `await` the awaited operation *pushes* (it calls the continuation when it completes),
// so an async method may resume on a different thread. The compiler's output shows the kinship: both
// kinds of method get a hidden type with a `<>1__state` field.

Twin.Cell(44);
async Task<int> AddLaterAsync(int a, int b)
{
    await Task.Delay(10);
    return a + b;
}

Console.WriteLine(StateMachineInfo.Of(CountdownYield));
Console.WriteLine(StateMachineInfo.Of(AddLaterAsync));

// The iterator's class keeps the state, the current item (`<>2__current`), the parameter (twice: `from` is
// the working copy, `<>3__from` the original for the next `GetEnumerator`) and the loop variable `n`,
// hoisted from a local into a field so it survives between `MoveNext` calls. The async method's type keeps
// the state, a *builder* that owns the `Task` it returns, the parameters, and the awaiter it is suspended
// on (`<>u__1`). (`<>4__this` is there only because a notebook cell's methods belong to a hidden
// "submission" object.) Cells compile in Debug mode, so the async state machine is a class; a Release
// build makes it a struct that is copied to the heap only if the method really suspends.
//
// Here is the heart of that state machine, written by hand in the library
// (`lib/Workbook/Coroutines/HandWrittenAsync.cs`), simplified:
//
// ```csharp
// public void MoveNext()
// {
//     if (state == -1)                                  // first call: run the code before the await
//     {
//         awaiter = Task.Delay(delay).GetAwaiter();
//         if (!awaiter.IsCompleted)
//         {
//             state = 0;                                // remember where to resume
//             builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);   // "call MoveNext when you are done"
//             return;                                   // give the thread back: the caller gets an unfinished Task
//         }
//     }
//     else state = -1;                                  // state 0: resumed after the await
//     awaiter.GetResult();                              // rethrows if the awaited task failed
//     builder.SetResult(a + b);                         // completes the Task and runs its continuations
// }
// ```

Twin.Cell(46);
Console.WriteLine($"caller (thread {Environment.CurrentManagedThreadId}): call AddLaterAsync");
Task<int> pending = HandWrittenAsync.AddLaterAsync(2, 3, TimeSpan.FromMilliseconds(50), Console.WriteLine);
Console.WriteLine($"caller: got a Task back, IsCompleted = {pending.IsCompleted}; now await it");
int sum = await pending.WaitAsync(TimeSpan.FromSeconds(10));
Console.WriteLine($"caller: the result is {sum}");
Claim.That(sum == 5, "the hand-made state machine returned 2 + 3 after the delay");

// `MoveNext` ran twice: once on the caller's thread, up to the unfinished `Task.Delay`, and once more when
// the delay completed (usually on a thread-pool thread). Between the two calls, no thread was busy with
// this method at all.
//
// > **Try** `HandWrittenAsync.AddLaterAsync(2, 3, TimeSpan.Zero, Console.WriteLine)`: the awaited task is
// > already complete, so `MoveNext` runs once and never suspends.
//
Twin.Section("Async streams: `IAsyncEnumerable<T>` and `await foreach`");
// ## Async streams: `IAsyncEnumerable<T>` and `await foreach`
//
// An iterator cannot `await`, and an async method cannot `yield` several values. An **async iterator**
// (`async` plus `yield return`, returning `IAsyncEnumerable<T>`) can do both, which suits data that
// arrives over time: sensor readings, pages of query results, messages. The consumer writes
// `await foreach`; every `MoveNextAsync` may suspend while the producer waits for its next item.
//
// **Cancellation** reaches the producer through a `CancellationToken` parameter marked
// `[EnumeratorCancellation]`. The consumer may pass the token as an argument or attach one later with
// `.WithCancellation(token)`; the attribute tells the compiler to deliver the second kind into that
// parameter. Without it, the token given to `WithCancellation` is silently ignored (the compiler warns
// with CS8425).

Twin.Cell(48);
bool sensorClosed = false;
async IAsyncEnumerable<SensorReading> ReadSensor(
    int count, TimeSpan every, [EnumeratorCancellation] CancellationToken cancel = default)
{
    var random = new Random(7); Console.WriteLine("producer: sensor opened");   // seeded: same readings every run
    try
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Delay(every, cancel);             // wait for the next sample; throws once cancelled
            yield return new SensorReading(i, "sensor-1", Math.Round(20 + random.NextDouble() * 5, 1));
        }
    }
    finally { sensorClosed = true; Console.WriteLine("producer: finally, sensor closed"); }
}

Twin.Cell(49);
var stopAfter = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));   // stop the stream after 0.3 s
var received = new List<SensorReading>();
try
{
    var stream = ReadSensor(1_000, every: TimeSpan.FromMilliseconds(40));      // 1,000 readings would take 40 s
    await foreach (SensorReading r in stream.WithCancellation(stopAfter.Token))
    { received.Add(r); Console.WriteLine($"consumer: {r}"); }
}
catch (OperationCanceledException) { Console.WriteLine($"consumer: cancelled after {received.Count} readings"); }
finally { stopAfter.Dispose(); }
Claim.That(sensorClosed, "cancelling ran the producer's finally block: the sensor was closed");
Claim.That(received.Count < 1_000 && received.Select(r => r.Index).SequenceEqual(Enumerable.Range(0, received.Count)),
    "the stream stopped early; the readings it delivered arrived in order, none skipped");

// The token's cancellation made the pending `Task.Delay` throw inside the producer; the exception ran
// its `finally` and travelled out of `await foreach` to the consumer. Stopping without cancellation works
// too: `await foreach` calls `DisposeAsync` when the loop is left early, just as `foreach` calls `Dispose`.

Twin.Cell(51);
sensorClosed = false;
await foreach (SensorReading r in ReadSensor(1_000, TimeSpan.FromMilliseconds(10)))
{
    if (r.Index == 2) break;                 // enough after three readings
}
Claim.That(sensorClosed, "breaking out of await foreach ran the producer's finally (through DisposeAsync)");

// Like `foreach`, `await foreach` **pulls**: the producer works only while the consumer waits in
// `MoveNextAsync`. If making an item takes 20 ms and using it takes 30 ms, ten items take about
// 10 × (20 + 30) = 500 ms, and producer and consumer are never busy at the same moment. To let them
// overlap, put a bounded channel between them (chapter 06 is about queues): the producer runs ahead on
// its own task, up to the channel's capacity, and ten items take about 20 + 10 × 30 = 320 ms.

Twin.Cell(53);
TimeSpan make = TimeSpan.FromMilliseconds(20), use = TimeSpan.FromMilliseconds(30);
StreamingRun pull = await StreamingDemo.PullAsync(10, make, use).WaitAsync(TimeSpan.FromSeconds(30));
StreamingRun buffered = await StreamingDemo.BufferedAsync(10, make, use, capacity: 4)
    .WaitAsync(TimeSpan.FromSeconds(30));
Console.WriteLine($"{pull}\n{buffered}");
Console.WriteLine($"buffered / pull = {buffered.Elapsed / pull.Elapsed:0.00} (perfect overlap: 320 / 500 = 0.64)");
Claim.That(pull.Overlap == TimeSpan.Zero, "with await foreach alone, producer and consumer were never busy at once");
Claim.That(buffered.Received.SequenceEqual(pull.Received), "both delivered items 0 to 9, in order");
Twin.Show(Plot.Timeline(pull.Spans.Concat(buffered.Spans), "await foreach alone (pull) vs a channel in between (buffered)"));

// In the two *pull* rows, *make* and *use* bars alternate and never overlap; in the *buffered* rows the
// producer's *make* bars run ahead, under the consumer's *use* bars, and the run ends sooner.
//
// > **Try** `capacity: 1`, then make producing slower than consuming (40 ms vs 10 ms). When does a buffer
// > stop helping?

Twin.Section("What each item costs");
// ## What each item costs
//
// Every way of producing items adds some overhead per item: an iterator costs two interface calls
// (`MoveNext`, `Current`) and a state-machine step; LINQ adds a delegate call per operator; an async
// iterator returns a `ValueTask<bool>` from every `MoveNextAsync` and goes through the async machinery
// even when the item is already there. Here the same work (adding up `2 × i` for a million values of `i`)
// is done five ways; the fifth is an async iterator that hands out arrays of 1,000 items, so it pays the
// async price once per thousand items. First, make sure they all really do the same work:

Twin.Cell(56);
const int Items = 1_000_000;
long[] sums = [ItemCost.Loop(Items), ItemCost.Iterator(Items), ItemCost.Linq(Items),
    await ItemCost.AsyncIteratorAsync(Items), await ItemCost.AsyncBatchesAsync(Items, batchSize: 1_000)];
Claim.That(sums.All(s => s == ItemCost.Expected(Items)),
    $"all five ways compute the same sum, {ItemCost.Expected(Items):N0}");

Twin.Cell(57);
var costs = new (string Way, Timings Time)[]
{
    ("for loop", Measure.Repeat(() => ItemCost.Loop(Items), 10)),
    ("iterator (yield)", Measure.Repeat(() => ItemCost.Iterator(Items), 10)),
    ("LINQ Select + Sum", Measure.Repeat(() => ItemCost.Linq(Items), 10)),
    ("async iterator", await Measure.RepeatAsync(() => ItemCost.AsyncIteratorAsync(Items), 10)),
    ("async, batches of 1,000", await Measure.RepeatAsync(() => ItemCost.AsyncBatchesAsync(Items, 1_000), 10)),
};
double NsPerItem(Timings t) => t.Median.TotalNanoseconds / Items;
double loopNs = NsPerItem(costs[0].Time);
foreach (var (way, t) in costs)
    Console.WriteLine($"{way,-24} {NsPerItem(t),7:0.00} ns per item {NsPerItem(t) / loopNs,6:0.0}x the loop");
Console.WriteLine($"the library's code is JIT-optimised: {(ItemCost.LibraryIsOptimized ? "yes (Release)" : "no (Debug build)")}");
Twin.Show(Plot.Bar(costs.Select(c => (c.Way, NsPerItem(c.Time))), "Cost per item, 1,000,000 items",
    "way of producing the items", "ns per item (median of 10 runs)"));

// The plain loop is the floor. The iterator and LINQ cost several times more per item, and the async
// iterator far more: tens of times the loop, or worse. Batching cuts the async stream's cost per item by
// an order of magnitude, close to the synchronous ways, because its expensive step now happens once per
// thousand items.
//
// Two things put these numbers in proportion. First, nanoseconds per item matter only when the work per
// item is tiny: parsing a line of the sensor log costs hundreds of nanoseconds, and a message that comes
// over the network tens of microseconds; next to those, even the async iterator's overhead disappears.
// Second, the workbook library is a **Debug** build, so that you can step into it: the JIT does not
// optimise its code, which makes the loop and the iterators several times slower than in a Release
// build, while LINQ's code (part of .NET itself) is always optimised. The order stays the same; the
// ratios to the loop shrink or grow. When tiny items must flow through an async stream, batch them:
// exercise 04.1 writes that batching stage.
//
// > **Try** `batchSize: 10` and `batchSize: 100_000`. Where does making bigger batches stop paying off?

Twin.Section("Exercises");
// ## Exercises
//
// Write each answer in its stub cell (replace the `TODO` and the `throw`), run it, then run the check
// below it. The checks are deterministic: they feed your code instrumented sources and a virtual clock,
// count exactly what it did, and stop it if it would run forever. `Exercises.Hint("04.1")` shows a hint,
// more specific each time you run it.
//
Twin.Section("Exercise 04.1: A lazy Batch stage", level: 3);
// ### Exercise 04.1: A lazy Batch stage
//
// Implement `IBatcher.Batch<T>(IEnumerable<T> source, int size)`: it groups the items into arrays of
// `size` items, and the last array holds whatever is left (it may be shorter, but never empty). It must be
// a proper pipeline stage:
//
// - **lazy**: calling `Batch` pulls nothing; **streaming**: each batch comes out as soon as it is full, and
//   only the items of the batches handed out so far have been pulled (the check uses an endless source);
// - every batch is a **new array** (the consumer may keep them all);
// - when the consumer stops early, the source's enumerator is **disposed**;
// - a `size` below 1 throws `ArgumentOutOfRangeException`, a null `source` `ArgumentNullException`.

Twin.Cell(61);
Twin.Check("04.1", () => new LazyBatcher());

Twin.Cell(62);
Twin.Hint("04.1");

Twin.Section("Exercise 04.2: Wake sleeping tasks on time", level: 3);
// ### Exercise 04.2: Wake sleeping tasks on time
//
// The scheduler asks an `ISchedulerPolicy` which task runs next. Write one that supports sleeping. The
// ready queue is done for you; complete the rest so that:
//
// - `Sleep(task, wakeAt)` keeps the task out of the ready queue until tick `wakeAt`;
// - `Next(now)` first moves every sleeper that is due (`wakeAt <= now`) to the **back** of the ready
//   queue, earliest `wakeAt` first (equal ones in the order they went to sleep), then removes and returns
//   the front task, or `null` when none is ready;
// - `NextWakeUp` is the earliest `wakeAt` of all sleepers, or `null` when none sleeps (the scheduler jumps
//   its clock there when nothing is ready).
//
// The check calls your policy directly (a sleeper must wake at tick 5, not 4 or 6; must not block the
// tasks behind it; the earliest sleeper wakes first), then runs whole scenarios on the real scheduler and
// compares every step with the library's `RoundRobinPolicy`.

Twin.Cell(65);
Twin.Check("04.2", () => new SleepAwarePolicy());

Twin.Cell(66);
Twin.Hint("04.2");

Twin.Section("Recap");
// ## Recap
//
// - `foreach` is `GetEnumerator`, then `MoveNext`/`Current` in a loop, then **`Dispose` in a `finally`**.
//   An iterator's `finally` blocks run on `Dispose`, so stopping early still releases files and connections;
//   walking an enumerator by hand without disposing it leaks them.
// - `yield return` makes the compiler write the enumerator as a state machine. Iterators are **lazy**:
//   nothing runs until the first `MoveNext`, and each item is produced only when it is consumed.
// - Chained lazy stages form a **pipeline** that touches only what the last stage asks for: the first five
//   heat spikes took fewer than 200 lines of a 100,000-line file, and a fraction of the memory and time.
// - An iterator is a **coroutine**: a function that pauses and resumes. A loop that resumes many of them in
//   turn is a **cooperative scheduler**: single-threaded, deterministic, cheap per task, and stuck if a task
//   never yields. `Yield`, `Sleep` and `WaitFor` are what `await` later made built-in.
// - **`async` methods** are compiler-made state machines too; `await` stores the state, registers
//   `MoveNext` as the continuation and returns, and the completion calls `MoveNext` again.
// - **`IAsyncEnumerable<T>`** streams with `await foreach`; `[EnumeratorCancellation]` lets
//   `WithCancellation` reach the producer, whose `finally` runs on cancellation and on early exit. It is
//   pull-based: add a channel to let producer and consumer overlap.
// - Per item, a loop is cheapest, then iterators and LINQ, then async iterators; batch tiny items.
//
// Previous: [03 · Async/await](03-async-await.ipynb). Next: [05 · Networking](05-networking.ipynb), where
// these ideas meet real sockets: Kestrel, `HttpClient` and `System.IO.Pipelines`.

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// The cursor: it remembers where it is (`next`) and moves one step per MoveNext.
sealed class CountdownCursor(int next) : IEnumerator<int>
{
    public int Current { get; private set; }
    object IEnumerator.Current => Current;          // the old non-generic interface wants it too
    public bool MoveNext()
    {
        Console.WriteLine($"  MoveNext → {next > 0}");
        if (next <= 0) return false;                // no more items
        Current = next--;
        return true;
    }
    public void Reset() => throw new NotSupportedException();
    public void Dispose() => Console.WriteLine("  Dispose");
}

// The sequence: all it does is hand out a fresh cursor.
sealed class Countdown(int from) : IEnumerable<int>
{
    public IEnumerator<int> GetEnumerator() { Console.WriteLine("  GetEnumerator"); return new CountdownCursor(from); }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

// ═══ Exercise 04.1 (notebook cell 60) ═══
// ## Exercises
//
// Write each answer in its stub cell (replace the `TODO` and the `throw`), run it, then run the check
// below it. The checks are deterministic: they feed your code instrumented sources and a virtual clock,
// count exactly what it did, and stop it if it would run forever. `Exercises.Hint("04.1")` shows a hint,
// more specific each time you run it.
//
// ### Exercise 04.1: A lazy Batch stage
//
// Implement `IBatcher.Batch<T>(IEnumerable<T> source, int size)`: it groups the items into arrays of
// `size` items, and the last array holds whatever is left (it may be shorter, but never empty). It must be
// a proper pipeline stage:
//
// - **lazy**: calling `Batch` pulls nothing; **streaming**: each batch comes out as soon as it is full, and
//   only the items of the batches handed out so far have been pulled (the check uses an endless source);
// - every batch is a **new array** (the consumer may keep them all);
// - when the consumer stops early, the source's enumerator is **disposed**;
// - a `size` below 1 throws `ArgumentOutOfRangeException`, a null `source` `ArgumentNullException`.
//
// Check it: dotnet run twins/04-iterators-as-coroutines.cs -- --check 04.1
//
// Exercise 04.1: A lazy Batch stage
public sealed class LazyBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        // TODO: yield each batch as soon as it is full; the last one may be shorter.
        throw new NotImplementedException();
    }
}

// ═══ Exercise 04.2 (notebook cell 64) ═══
// ### Exercise 04.2: Wake sleeping tasks on time
//
// The scheduler asks an `ISchedulerPolicy` which task runs next. Write one that supports sleeping. The
// ready queue is done for you; complete the rest so that:
//
// - `Sleep(task, wakeAt)` keeps the task out of the ready queue until tick `wakeAt`;
// - `Next(now)` first moves every sleeper that is due (`wakeAt <= now`) to the **back** of the ready
//   queue, earliest `wakeAt` first (equal ones in the order they went to sleep), then removes and returns
//   the front task, or `null` when none is ready;
// - `NextWakeUp` is the earliest `wakeAt` of all sleepers, or `null` when none sleeps (the scheduler jumps
//   its clock there when nothing is ready).
//
// The check calls your policy directly (a sleeper must wake at tick 5, not 4 or 6; must not block the
// tasks behind it; the earliest sleeper wakes first), then runs whole scenarios on the real scheduler and
// compares every step with the library's `RoundRobinPolicy`.
//
// Check it: dotnet run twins/04-iterators-as-coroutines.cs -- --check 04.2
//
// Exercise 04.2: Wake sleeping tasks on time
public sealed class SleepAwarePolicy : ISchedulerPolicy
{
    private readonly Queue<CoTask> _ready = new();   // tasks that may run, in turn order (done for you)

    public void Ready(CoTask task) => _ready.Enqueue(task);

    public void Sleep(CoTask task, long wakeAt) =>
        throw new NotImplementedException(); // TODO: keep the task away from _ready until tick wakeAt

    public long? NextWakeUp => throw new NotImplementedException(); // TODO: the earliest wakeAt, or null

    public CoTask? Next(long now) =>
        throw new NotImplementedException(); // TODO: wake the due sleepers, then take _ready's front task
}
