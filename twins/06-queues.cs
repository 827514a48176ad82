#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 06 · Message queues, as a C# file-based app: the twin of notebooks/06-queues.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/06-queues.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/06-queues.cs    every demonstration; charts go to out/twins/06-queues/
//     dotnet run twins/06-queues.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/06-queues.cs -- --check 06.1 --hint 2   one exercise; a failed check prints hint 2

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
using Workbook.Queues;

Twin.Start("06-queues", "06 · Message queues", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("06.1", () => new NeverDropStage());
    Twin.Check("06.2", () => new AckAfterProcessingConsumer());
    Twin.Done();
    return;
}

// # 06 · Message queues
//
// Put a queue between the part of a system that makes work and the part that does it, and both sides
// gain freedom: the producer need not wait for each item to be finished, the consumers can be many, and
// a burst of work becomes a queue that drains instead of a pile of failed requests. The price is a set
// of new questions that every queue, from a tiny in-memory channel to a cluster of brokers, has to
// answer: *What happens when the queue is full? When is an item really done? What if a consumer dies
// halfway through?* This chapter answers them twice: inside one process with
// `System.Threading.Channels`, and across processes with a real broker, Redis Streams, that the
// workbook starts for you.
//
// **You will learn**
//
// - how a bounded channel applies **backpressure**, and exactly which items each of the four full modes throws away
// - how to run many producers and consumers and **shut down gracefully** without losing an item
// - how to build a multi-stage **pipeline** and *see* backpressure travel upstream from a slow stage
// - how `BlockingCollection` and `Channel` compare for handing items between threads
// - how a broker gives **at-least-once** delivery (acknowledge after processing, pending lists, reclaiming
//   a dead consumer's messages) and where **exactly-once effects** really come from: idempotent consumers
// - how the same ideas appear in RabbitMQ and Kafka

Twin.Section("A bounded channel: producer, consumer and backpressure");
// ## A bounded channel: producer, consumer and backpressure
//
// A `Channel<T>` is a thread-safe, async-friendly queue: producers call `WriteAsync`, consumers
// `ReadAsync` or `await foreach (... in reader.ReadAllAsync())`. An **unbounded** channel accepts
// everything, which only moves the problem: if the producer is faster than the consumer, memory grows
// until the process dies. A **bounded** channel has a capacity, and when it is full `WriteAsync` does not
// return until a consumer has made room. That waiting is **backpressure**: the slow side sets the pace
// for the fast side, and the queue never holds more than its capacity.
//
// Below, the producer writes six items into a channel of capacity 3 while the consumer deliberately
// starts 200 ms late. Watch how long each write waited.

Twin.Cell(5);
var channel = Channel.CreateBounded<int>(capacity: 3);
var producer = Task.Run(async () =>
{
    for (var item = 1; item <= 6; item++)
    {
        var waited = Stopwatch.StartNew();
        await channel.Writer.WriteAsync(item);
        Console.WriteLine($"wrote {item} after waiting {waited.ElapsedMilliseconds,3} ms");
    }
    channel.Writer.Complete();                       // "no more items": lets the consumer's loop end
});
await Task.Delay(200);                               // the consumer is late...
var received = new List<int>();
await foreach (var item in channel.Reader.ReadAllAsync()) { received.Add(item); await Task.Delay(20); }
await producer.WaitAsync(TimeSpan.FromSeconds(10));  // bounded: a bug here fails instead of hanging
Claim.That(received.SequenceEqual(Enumerable.Range(1, 6)), "all six items arrived, in order");

// Items 1 to 3 went in at once; item 4 waited about 200 ms, until the late consumer took item 1 and made
// room. From then on the producer could only go as fast as the consumer (about 20 ms per item). Nothing
// was lost and the channel never held more than 3 items: backpressure turned "the producer is too fast"
// into "the producer waits", which is usually what you want.
//
// > **Try** making the channel unbounded (`Channel.CreateUnbounded<int>()`): no write waits, and all six
// > items sit in memory before the consumer even starts. With a million items, that is your heap.

Twin.Section("When the channel is full: the four modes");
// ## When the channel is full: the four modes
//
// Waiting is not the only possible answer to "full". `BoundedChannelOptions.FullMode` picks one of four,
// and the differences are easy to get wrong, so here they are on the smallest example: a channel of
// capacity 3 with **no reader**, into which we `TryWrite` the items 1 to 6. The channel reports every
// item it throws away through an `itemDropped` callback.

Twin.Cell(8);
var outcomes = FullModeDemo.FillAll(capacity: 3, items: 6);
foreach (var outcome in outcomes) Console.WriteLine(outcome);
FullModeOutcome Mode(BoundedChannelFullMode m) => outcomes.Single(o => o.Mode == m);
Claim.That(Mode(BoundedChannelFullMode.Wait).Rejected.SequenceEqual([4, 5, 6]),
    "Wait: TryWrite refuses 4, 5, 6 (returns false); nothing is dropped");
Claim.That(Mode(BoundedChannelFullMode.DropNewest).Dropped.SequenceEqual([3, 4, 5]),
    "DropNewest evicts 3, then 4, then 5: each time the newest item in the buffer");
Claim.That(Mode(BoundedChannelFullMode.DropOldest).Kept.SequenceEqual([4, 5, 6]), "DropOldest keeps the three most recent items");
Claim.That(Mode(BoundedChannelFullMode.DropWrite).Dropped.SequenceEqual([4, 5, 6]), "DropWrite throws away the items being written");

// | Mode | When a write finds the channel full | Kept | Thrown away | Typical use |
// |------|-------------------------------------|------|-------------|-------------|
// | `Wait` | `WriteAsync` waits for room; `TryWrite` returns `false` | 1, 2, 3 | nothing (4, 5, 6 were *refused*, the caller still has them) | work that must not be lost |
// | `DropNewest` | removes the **newest item already in the buffer**, then adds the new one | 1, 2, 6 | 3, 4, 5 | rarely what you want (see below) |
// | `DropOldest` | removes the oldest buffered item, then adds the new one | 4, 5, 6 | 1, 2, 3 | "latest value wins": sensor readings, progress updates |
// | `DropWrite` | ignores the item being written | 1, 2, 3 | 4, 5, 6 | "first come, first served", shed load at the door |
//
// `DropNewest` is the one that surprises people. "Newest" does not mean the item you are writing now; it
// means the newest item **in the buffer**. Writing 4 into `[1, 2, 3]` evicts 3 and buffers 4; writing 5
// evicts 4; writing 6 evicts 5. The last item written always gets in, and the items in between are
// replaced one after another. In all three `Drop*` modes `TryWrite` and `WriteAsync` always succeed, so
// the producer never learns that something was lost unless it passes an `itemDropped` callback.
//
// Now the same choice under load: one producer writes 500 items as fast as it can, one consumer waits
// `Task.Delay(1 ms)` per item (a busy machine often stretches that to several milliseconds; the cell prints
// what it really was), and the channel holds 10.

Twin.Cell(10);
var underLoad = new List<ProducerConsumerReport>();
foreach (var mode in Enum.GetValues<BoundedChannelFullMode>())
    underLoad.Add(await ProducerConsumer.RunAsync(new ProducerConsumerOptions
    {
        Producers = 1, Consumers = 1, ItemsPerProducer = 500, Capacity = 10,
        FullMode = mode, ConsumerDelay = TimeSpan.FromMilliseconds(1),
    }).WaitAsync(TimeSpan.FromSeconds(30)));
foreach (var r in underLoad)
    Console.WriteLine($"{r}\n    consumed: {string.Join(", ", r.ConsumedItems.Take(12))}{(r.Consumed > 12 ? ", ..." : "")}");
Console.WriteLine($"the consumer needed {underLoad[0].Elapsed.TotalMilliseconds / 500:0.0} ms per item");
Claim.That(underLoad.All(r => r.Balanced), "in every mode, produced = consumed + dropped (every loss was reported)");
Claim.That(underLoad[0].Dropped == 0 && underLoad[0].Consumed == 500, "Wait mode lost nothing");

Twin.Cell(11);
var bars = underLoad.SelectMany(r => new[]
    { ("consumed", r.FullMode.ToString(), r.Consumed), ("dropped", r.FullMode.ToString(), r.Dropped) });
Twin.Show(Plot.GroupedBar(bars, "500 items into a channel of 10, slow consumer", "full mode", "items"));

// The chart shows the trade-off in one picture. With `Wait`, all 500 items are consumed, and the run
// takes as long as the consumer needs: 500 times its time per item. With the `Drop*` modes the producer
// never waits, so the run is over almost at once, but only the handful of items the consumer happened to
// catch survive; the rest were thrown away. The printed item numbers show *which* ones survived, and they
// match the table: `DropWrite` kept the earliest items, `DropOldest` the latest, and `DropNewest` the
// earliest plus the very last one written. Choose a drop mode only when losing items is acceptable by design.
//
// > **Try** `Capacity = 100`. Does a bigger buffer save the drop modes? (It delays the first drop; with a
// > producer that is always faster, no buffer is big enough.)

Twin.Section("Many consumers, and shutting down without losing anything");
// ## Many consumers, and shutting down without losing anything
//
// One channel can have any number of producers and consumers; each item goes to exactly one consumer.
// When the work per item is waiting (a database call, an HTTP request), more consumers means more
// items in flight and proportionally more throughput, until something else becomes the bottleneck.
// Here each consumer waits `Task.Delay(5 ms)` per item, as if for I/O, and two producers write 200 items.

Twin.Cell(14);
var scaling = new List<(int Consumers, ProducerConsumerReport Report)>();
foreach (var consumers in new[] { 1, 2, 4, 8 })
{
    var options = new ProducerConsumerOptions { Producers = 2, Consumers = consumers, ItemsPerProducer = 100, Capacity = 20,
                                                ConsumerDelay = TimeSpan.FromMilliseconds(5) };
    scaling.Add((consumers, await ProducerConsumer.RunAsync(options).WaitAsync(TimeSpan.FromSeconds(30))));
}
double Rate(ProducerConsumerReport r) => r.Consumed / r.Elapsed.TotalSeconds;
foreach (var (n, r) in scaling) Console.WriteLine($"{n} consumer(s): {Rate(r),7:N0} items/s   ({r})");
Console.WriteLine($"8 consumers vs 1: x{Rate(scaling[^1].Report) / Rate(scaling[0].Report):0.0} the throughput (ideal x8)");

Twin.Cell(15);
var measured = Series.Of("measured", scaling.Select(s => (s.Consumers, Rate(s.Report))));
var linear = Series.Of("ideal (linear)", scaling.Select(s => (s.Consumers, s.Consumers * Rate(scaling[0].Report))));
Twin.Show(Plot.Line(measured, "Consumers waiting 5 ms per item", "consumers", "items per second", ideal: linear));

// The measured line stays close to the dashed ideal (eight consumers, about eight times the throughput)
// because the consumers spend their time *waiting*, not computing: eight of them wait side by side on two
// cores without getting in each other's way. (Timers are coarse, so a point can even land a little above
// the line.) For CPU-bound work the line would flatten at the number of cores (chapter 01).
//
// **Graceful shutdown** is what made every one of those runs lose nothing. The sequence is:
//
// 1. the producers finish and the writer is **completed** (`channel.Writer.Complete()`): "no more items";
// 2. each consumer's `await foreach (... ReadAllAsync())` keeps going while items are buffered, and ends
//    only when the channel is completed **and** empty: the consumers **drain** the channel;
// 3. the owner awaits all consumers (`Task.WhenAll`) before it considers the work done.
//
// Stopping consumers with a cancellation token instead would abandon whatever is still buffered. A claim
// makes "nothing lost, nothing duplicated" precise: the multiset of items that went in equals the
// multiset that came out.

Twin.Cell(17);
foreach (var (n, r) in scaling)
{
    var expected = Enumerable.Range(1, r.Produced);                 // items are numbered 1..Produced
    Claim.That(r.ConsumedItems.Order().SequenceEqual(expected), $"{n} consumer(s): all {r.Produced} items came out exactly once");
}

// > **Try** 16 and 32 consumers. When does the measured line stop following the ideal one, and why?
// > (Hint: 200 items, two producers and a capacity of 20.)

Twin.Section("A pipeline: backpressure you can see");
// ## A pipeline: backpressure you can see
//
// Real work often has stages: parse, then enrich, then store. Connect the stages with bounded channels
// and each stage runs on its own, at its own pace, with its own degree of parallelism. The workbook's
// `Pipeline` builder does the wiring: every `Then` adds a stage with a bounded input channel, and the
// pipeline samples how full each channel is every 10 ms.
//
// Make the middle stage slow (2 ms per item, one worker) and the other stages instant. The producer
// writes 400 items as fast as `WriteAsync` lets it. We time the producer and run the same pipeline
// without the slow stage for comparison.

Twin.Cell(20);
async Task<(TimeSpan Writing, PipelineReport Report)> RunPipeline(TimeSpan slowWork)
{
    var pipeline = Pipeline.Create<int>()
        .Then("parse", x => x, capacity: 16)
        .Then("enrich (slow)", async (x, ct) => { if (slowWork > TimeSpan.Zero) await Task.Delay(slowWork, ct); return x; }, capacity: 16)
        .Then("store", x => x, capacity: 16)
        .Start();
    var drained = Task.Run(async () => { await foreach (var _ in pipeline.Output.ReadAllAsync()) { } });
    var writing = Stopwatch.StartNew();
    for (var i = 1; i <= 400; i++) await pipeline.WriteAsync(i);   // waits whenever "parse" is full
    writing.Stop();
    pipeline.Complete();
    var report = await pipeline.Completion.WaitAsync(TimeSpan.FromSeconds(60));
    await drained.WaitAsync(TimeSpan.FromSeconds(10));
    return (writing.Elapsed, report);
}

Twin.Cell(21);
var (slowWriting, slow) = await RunPipeline(TimeSpan.FromMilliseconds(2));
var (fastWriting, fast) = await RunPipeline(TimeSpan.Zero);
Console.WriteLine(slow);
Console.WriteLine($"producer needed {Durations.Format(slowWriting)} to write 400 items with the slow stage, {Durations.Format(fastWriting)} without: x{slowWriting / fastWriting:0} slower");
Console.WriteLine($"producer: {Durations.Format(slowWriting / 400)} per item; slow stage: {Durations.Format(slow.Elapsed / 400)} per item");
Claim.That(slow.Stages.All(s => s.Received == 400 && s.Emitted == 400), "every stage received and emitted all 400 items");
Claim.That(slow.Stages[1].MaxDepth == 16, "the slow stage's input queue filled up to its capacity (16)");
Claim.That(slow.Stages[0].MaxDepth == 16, "...and so did the queue in front of it: the pressure travelled upstream");
var capacityLine = new Series("capacity (16)", [0, slow.Elapsed.TotalMilliseconds], [16, 16]);
Twin.Show(Plot.Line(slow.Stages.Select(s => Series.Of(s.Name, s.Depth.Select(d => (d.At.TotalMilliseconds, d.Depth)))),
    "Queue depth in front of each stage (the middle stage is slow)", "time since start (ms)", "items waiting", ideal: capacityLine));

// Read the chart from the slow stage outwards:
//
// - **enrich (slow)**: its input queue fills to the capacity line within a few milliseconds and stays
//   there: work arrives faster than it leaves.
// - **parse**: its output is that full queue, so its `WriteAsync` waits, so *its* input queue fills up
//   too. The pressure has travelled one stage upstream...
// - **the producer**: ...and one more. Its `WriteAsync` into the full `parse` queue waits, so it writes
//   only as fast as the slow stage finishes items. The printed times show it: with the slow stage, the
//   producer's time per item equals the slow stage's (a 2 ms delay, stretched by coarse timers), while
//   without it writing 400 items takes next to nothing.
// - **store**: downstream of the bottleneck, its queue stays near empty; it is starved, not overloaded.
//
// Memory stays bounded (at most 3 × 16 items waiting, however many the producer has), and the
// bottleneck is obvious from the chart: the stage whose *input* is full and whose *output* is empty.
// At the end every queue drains to zero: `Complete()` lets each stage finish what it holds before it
// completes the next one.
//
// > **Try** giving the slow stage more workers: `.Then("enrich (slow)", ..., parallelism: 4, capacity: 16)`.
// > How does the chart change, and how long does the producer need now?

Twin.Section("BlockingCollection or Channel?");
// ## BlockingCollection or Channel?
//
// Before channels, .NET's producer/consumer queue was `BlockingCollection<T>`. It works, but waiting
// means **blocking a thread**: a consumer with nothing to do sits in a kernel wait, holding a thread
// (and its megabyte or more of reserved stack) that cannot do anything else. A channel's waiting is **asynchronous**: an empty
// `ReadAsync` returns the thread to the pool and a continuation runs when an item arrives. With a few
// queues the difference is small; with thousands of waiting consumers (one per connection, say) only the
// asynchronous version scales.
//
// How fast is the hand-off itself? One producer hands 1,000,000 integers to one consumer through each
// queue (capacity 1,024), in alternating rounds; the best round of each counts.

Twin.Cell(24);
var handOff = await HandOff.CompareAsync(items: 1_000_000, rounds: 3).WaitAsync(TimeSpan.FromMinutes(2));
Console.WriteLine(handOff);
Console.WriteLine($"Channel / BlockingCollection throughput ratio: x{handOff.ChannelSpeedup:0.00}");
Twin.Show(Plot.Bar([("BlockingCollection", handOff.BlockingCollectionPerSecond), ("Channel", handOff.ChannelPerSecond)],
    "Hand-off throughput, one producer and one consumer", "queue", "items per second"));

// On most machines the channel moves several times more items per second. Every `Add` and `Take` of a
// `BlockingCollection` goes through two semaphores, and a thread that finds the queue empty (or full) is
// put to sleep and must be woken by the operating system, a context switch each time. The channel's
// consumer here wakes once (`WaitToReadAsync`) and then drains everything buffered with `TryRead`, and
// when either side must wait it parks a cheap continuation rather than a thread. Treat the exact ratio as a property of
// *your* machine today; the measurement checks that every item arrived exactly once, so the comparison is
// at least a fair one. Prefer channels in new code; keep `BlockingCollection` for existing synchronous code.
//
// > **Try** `capacity: 1` (add it to the call). Now every item forces a wait on one side or the other:
// > which queue suffers more?

Twin.Section("A real broker: Redis Streams and consumer groups");
// ## A real broker: Redis Streams and consumer groups
//
// A channel lives and dies with its process. A **broker** is a separate server that holds messages
// durably, so producers and consumers can run in different processes, on different machines, and can
// crash and restart without losing work. This chapter uses **Redis Streams**: an append-only log
// (`XADD`) read through a **consumer group** (`XREADGROUP`), where
//
// - each message is delivered to **one** consumer of the group;
// - a delivered message goes on that consumer's **pending list** until it is **acknowledged** (`XACK`);
// - a consumer that restarts can read its own pending list again (`XREADGROUP ... 0`);
// - messages left pending too long by a dead consumer can be **reclaimed** by another (`XAUTOCLAIM`).
//
// That is **at-least-once delivery**: a message is never lost once published, but it may be delivered
// more than once (the consumer processed it, then died before acknowledging).
//
// **How Redis starts.** You do not need to install or run anything by hand: `MessageQueues.OpenAsync`
// looks for a `redis-server` program. If it finds one, it starts a **private** instance for this notebook
// (bound to 127.0.0.1 on a free port, in a temporary folder, nothing saved to disk) and connects to it.
// If Redis is not installed, the very same code gets the workbook's **in-process queue** instead (a
// `Channel` plus pending lists with the same rules), the embedded default, and says so in one line.
// Everything below runs either way.

Twin.Cell(27);
Console.WriteLine($"redis-server installed: {RedisServer.IsAvailable}");
var queue = await MessageQueues.OpenAsync("orders-" + Guid.NewGuid().ToString("N")[..6]);
Console.WriteLine(queue.Description);

// Now the rules, one step at a time: publish three messages; consumer A reads them (they become pending
// for A); A acknowledges only the first; then A "dies". Consumer B finds nothing new, but can take over
// A's unacknowledged messages.

Twin.Cell(29);
foreach (var order in new[] { "order 1", "order 2", "order 3" }) await queue.PublishAsync(order);
var atA = await queue.ReadNewAsync("A", max: 10);
Console.WriteLine($"A received: {string.Join(" | ", atA)}");
await queue.AckAsync([atA[0].Id]);                                       // A finished order 1 only...
Console.WriteLine($"pending after A acknowledged one: {await queue.PendingCountAsync()}");
Console.WriteLine($"B reads new: {(await queue.ReadNewAsync("B")).Count} messages");
var takenOver = await queue.ReclaimAsync("B", minIdle: TimeSpan.Zero);   // ...then died: B takes over
Console.WriteLine($"B reclaimed: {string.Join(" | ", takenOver)}");
await queue.AckAsync(takenOver.Select(m => m.Id));
Claim.That(await queue.PendingCountAsync() == 0, "after B acknowledged them, nothing is pending");

// The reclaimed messages are marked *redelivered*. In real code the idle threshold is not zero but
// longer than any normal processing time (here it was zero so that the cell need not wait): otherwise a
// consumer that is merely slow would have its work taken over and done twice.
//
// > **Try** `minIdle: TimeSpan.FromSeconds(5)` in the cell above and run it again: B reclaims nothing,
// > because A's new messages have not been idle long enough, and the final claim fails, telling you that
// > two messages are still pending.
//
// This queue is done with. Disposing it closes the connection and, if it started a `redis-server`, shuts
// that server down and deletes its folder. In a program you write `await using var queue = ...` and
// disposal happens automatically at the end of the scope; in a notebook a variable outlives its cell,
// so we dispose explicitly and check that no server process is left behind.

Twin.Cell(31);
var server = (queue as RedisStreamQueue)?.Server;       // null for the in-process queue
await queue.DisposeAsync();
if (server is null) Console.WriteLine("In-process queue: there was no server process to stop.");
else Claim.That(server.HasExited && !Process.GetProcesses().Any(p => p.Id == server.ProcessId),
    $"redis-server (pid {server.ProcessId}) has exited after disposal");

Twin.Section("A consumer crashes: nothing lost, no effect applied twice");
// ## A consumer crashes: nothing lost, no effect applied twice
//
// Now at scale. `CrashRecoveryScenario` publishes **10,000** messages and starts consumer **A**, which
// processes and acknowledges its first 59 batches of 50, then reads batch 60, processes 20 of its messages
// and **crashes** without acknowledging any of them. Consumer **B** joins, consumes every remaining new
// message, and when there are none left reclaims A's messages once they have been idle for 250 ms
// (`XAUTOCLAIM`). The 20 messages A processed but never acknowledged are therefore delivered **again**.
//
// Every message's effect goes through an **idempotent handler**: it remembers which message ids it has
// applied and skips any id it has seen. At-least-once delivery plus an idempotent consumer gives
// **exactly-once effects**. The report counts everything that could go wrong.

Twin.Cell(33);
var crashOptions = new CrashRecoveryOptions { Messages = 10_000, CrashInBatch = 60 };
CrashRecoveryReport crash;
RedisServer? crashServer;
await using (var broker = await MessageQueues.OpenAsync("crash-" + Guid.NewGuid().ToString("N")[..6]))
{
    crash = await CrashRecoveryScenario.RunAsync(broker, crashOptions).WaitAsync(TimeSpan.FromMinutes(2));
    crashServer = (broker as RedisStreamQueue)?.Server;
}
Console.WriteLine(crash);
Claim.That(crash.Lost == 0 && crash.Unexpected == 0, $"all {crash.Published:N0} messages were processed: lost 0, unexpected 0");
Claim.That(crash.PendingAtEnd == 0, "nothing is left pending: every message was acknowledged");
Claim.That(crash.EffectsAppliedTwice == 0, $"effects applied twice: 0, although {crash.Duplicates} messages were delivered twice");
Claim.That(crashServer?.HasExited ?? true, "the broker's server (if one was started) exited with the await using block");

Twin.Cell(34);
var lines = crash.Consumers
    .Select(c => Series.Of($"consumer {c.Consumer}", c.Timeline.Select(s => (s.At.TotalMilliseconds, s.Processed))))
    .ToList();
lines.Add(new Series("A + B", lines[0].X, lines[0].Y.Zip(lines[1].Y, (a, b) => a + b)));  // sampled at the same moments
var total = new Series($"published ({crash.Published:N0})", [0, crash.Elapsed.TotalMilliseconds], [crash.Published, crash.Published]);
Twin.Show(Plot.Line(lines, "Messages processed per consumer (A crashes, B takes over)",
    "time since start (ms)", "messages processed (cumulative)", ideal: total));

// A's line climbs and then goes flat where it crashed. B joins at that moment and climbs, and the sum of
// the two reaches the dashed total: every message processed once. The recovery itself is too small to see
// at this scale, so read it in the report: *A crashed holding 50* messages, *B reclaimed 50* once there was
// nothing new left and they had been idle for at least 250 ms, and the 20 that A had already applied came
// back to B as **duplicates removed**: delivered twice, applied once.
//
// Where does exactly-once come from? Not from the broker: no broker can know whether your consumer
// finished its work before it died. It comes from the **consumer** being idempotent. Here the handler
// keeps the processed ids in memory; a real system stores them **in the same database transaction as
// the effect** (or makes the effect naturally idempotent, e.g. `UPDATE ... SET status = 'paid'` rather
// than `balance = balance - 10`), so that the effect and the record of it survive or vanish together.
//
// > **Try** `HandledBeforeCrash = 0` (A crashes before processing anything) and `CrashInBatch = 1`.
// > How many duplicates do you expect now?

// The same scenario runs unchanged on the embedded in-process queue, which follows the same rules
// (it is what you get when Redis is not installed):

Twin.Cell(37);
CrashRecoveryReport embedded;
await using (var local = await MessageQueues.OpenAsync("crash-local", QueueBackend.InProcess))
    embedded = await CrashRecoveryScenario.RunAsync(local, crashOptions).WaitAsync(TimeSpan.FromMinutes(2));
Console.WriteLine(embedded);
Claim.That(embedded.ExactlyOnce, "in-process queue: every message applied exactly once, nothing pending");

Twin.Section("RabbitMQ and Kafka: the same ideas under other names");
// ## RabbitMQ and Kafka: the same ideas under other names
//
// Redis Streams, RabbitMQ and Kafka look different, but each answers the same questions. Once you know
// what to look for, the concepts map one to one:
//
// | Idea | Redis Streams (this chapter) | RabbitMQ | Kafka |
// |------|------------------------------|----------|-------|
// | where messages wait | a stream (`XADD`) | a queue, fed by an exchange | a topic, split into **partitions** (append-only logs) |
// | competing consumers | a consumer group: each message to one consumer | several consumers on one queue | a **consumer group**: each partition to one consumer of the group |
// | delivered, not yet done | the pending entries list | *unacked* messages on the consumer's channel | records after the group's **committed offset** |
// | "done" | `XACK` | `basic.ack` (or `basic.nack` / `reject`, with or without requeue) | **commit the offset** |
// | consumer dies | another consumer reclaims after an idle time (`XAUTOCLAIM`) | its channel closes and unacked messages are requeued, marked *redelivered* | a **rebalance** gives its partitions to others, who restart from the last committed offset |
// | limit work in flight | the batch size (`COUNT`) | **prefetch** (`basic.qos`): at most N unacked per consumer | `max.poll.records`, pausing partitions |
// | ordering | stream order, but redeliveries arrive late | queue order, broken by requeues and multiple consumers | **per partition** only; messages with the same key go to the same partition |
//
// Three lessons carry over unchanged:
//
// - **Acknowledge after processing.** Acking first (RabbitMQ's auto-ack, or committing a Kafka offset
//   before processing) turns a crash into lost messages: *at-most-once*. Acking after processing gives
//   *at-least-once*: a crash means redelivery, never loss. Exercise 06.2 is about exactly this.
// - **Prefetch is backpressure.** A consumer with 10,000 unacknowledged messages in its hands is the
//   broker's version of an unbounded channel; a small prefetch or batch keeps work in flight bounded
//   and spreads it across consumers.
// - **Ordering is local.** Kafka orders within a partition, RabbitMQ within a queue while there is one
//   consumer and no requeue. Across partitions, consumers and redeliveries, design for out-of-order.
//
// > **Try** (on paper) mapping exercise 06.2 below onto Kafka: what is "read own pending messages" there,
// > and what is "acknowledge after processing"?
//
// And **exactly-once**: Kafka's idempotent producer and transactions make a *read-process-write within
// Kafka* atomic (consume, produce results and commit the offset in one transaction). The moment your
// effect leaves Kafka (a database update, an e-mail, a payment) you are back to at-least-once delivery,
// and exactly-once **effects** again come from an idempotent consumer, as in the crash scenario above.

Twin.Section("Exercises");
// ## Exercises
//
Twin.Section("06.1 A stage that never drops an item", level: 3);
// ### 06.1 A stage that never drops an item
//
// Write one stage of a channel pipeline. `RunAsync` receives the stage's `input` (a `ChannelReader<int>`),
// its `output` (a **bounded** `ChannelWriter<int>`) and the `work` to apply. It must:
//
// - write `work(item)` to the output for **every** input item, exactly once;
// - **wait** when the output is full (never drop an item);
// - **complete the output** when the input is completed, and only after everything read has been written;
// - **pass errors on**: if the input fails (the stage before crashed) or `work` throws, complete the
//   output with that exception, so the next stage fails too instead of waiting forever.
//
// The check runs your stage four ways: items in small batches, a flood of 500 items while nobody reads the
// output (backpressure), a failing input and a failing `work`.

Twin.Cell(41);
Twin.Check("06.1", () => new NeverDropStage());

Twin.Cell(42);
// Stuck? Each call shows the next hint, from a nudge to nearly the answer.
Twin.Hint("06.1");

Twin.Section("06.2 Acknowledge after processing, survive a crash", level: 3);
// ### 06.2 Acknowledge after processing, survive a crash
//
// Write one step of a broker consumer's loop. Each call of `PollAsync` handles **at most one batch**
// (`IReliableConsumer.BatchSize`) for the consumer called `name`:
//
// 1. first its **own pending** messages (`ReadPendingAsync`): after a restart, these are what it held when it crashed;
// 2. if there are none, **new** messages (`ReadNewAsync`);
// 3. if there are none, messages another consumer left unacknowledged for at least
//    `IReliableConsumer.ReclaimAfter` (`ReclaimAsync`): that consumer is presumed dead;
//
// then `await handle(message)` for each one, and **only then** acknowledge them (`AckAsync`). Return how
// many messages you handled (0 when there was nothing to do). If `handle` throws, the consumer has crashed:
// let the exception out.
//
// The check uses the in-process queue with a fake clock, so it is exact and quick: steady work, a crash in
// the middle of a batch followed by a restart under the same name, and a crash after which another consumer
// must take over.

Twin.Cell(45);
Twin.Check("06.2", () => new AckAfterProcessingConsumer());

Twin.Cell(46);
Twin.Hint("06.2");

Twin.Section("Recap");
// ## Recap
//
// - A **bounded channel** is a queue with backpressure: when it is full, `WriteAsync` waits, so the
//   slow side sets the pace and memory stays bounded. `TryWrite` never waits: it returns `false`.
// - The **full modes** decide what a full channel does: `Wait` keeps everything; `DropOldest` keeps the
//   most recent items; `DropWrite` refuses the new one; `DropNewest` evicts the newest *buffered* item.
// - **Graceful shutdown** is complete the writer, let consumers drain (`ReadAllAsync` ends only when the
//   channel is completed and empty), await them: the multiset in equals the multiset out.
// - In a **pipeline** of bounded stages, a slow stage fills its own input queue, then the queue before it,
//   then stops the producer: the chart of queue depths points straight at the bottleneck.
// - Prefer **`Channel`** to `BlockingCollection`: waiting without blocking a thread, and a faster hand-off.
// - A **broker** (Redis Streams, RabbitMQ, Kafka) gives **at-least-once** delivery when you
//   **acknowledge after processing**; crashed consumers' messages are redelivered (pending lists,
//   reclaiming, requeue, rebalance).
// - **Exactly-once effects** come from **idempotent consumers** (de-duplicate by message id, stored with
//   the effect), never from the broker alone.
//
// Previous: [05 · Networking](05-networking.ipynb) · Next: [07 · Load balancing](07-load-balancing.ipynb)

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 06.1 (notebook cell 40) ═══
// ## Exercises
//
// ### 06.1 A stage that never drops an item
//
// Write one stage of a channel pipeline. `RunAsync` receives the stage's `input` (a `ChannelReader<int>`),
// its `output` (a **bounded** `ChannelWriter<int>`) and the `work` to apply. It must:
//
// - write `work(item)` to the output for **every** input item, exactly once;
// - **wait** when the output is full (never drop an item);
// - **complete the output** when the input is completed, and only after everything read has been written;
// - **pass errors on**: if the input fails (the stage before crashed) or `work` throws, complete the
//   output with that exception, so the next stage fails too instead of waiting forever.
//
// The check runs your stage four ways: items in small batches, a flood of 500 items while nobody reads the
// output (backpressure), a failing input and a failing `work`.
//
// Check it: dotnet run twins/06-queues.cs -- --check 06.1
//
// Exercise 06.1: A stage that never drops an item
public sealed class NeverDropStage : IChannelStage
{
    public Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output,
                         Func<int, int> work, CancellationToken cancellationToken)
    {
        // TODO: read every item from input, write work(item) to output (waiting while it is full),
        // complete output when input completes, and pass any error on with output.Complete(error).
        throw new NotImplementedException();
    }
}

// ═══ Exercise 06.2 (notebook cell 44) ═══
// ### 06.2 Acknowledge after processing, survive a crash
//
// Write one step of a broker consumer's loop. Each call of `PollAsync` handles **at most one batch**
// (`IReliableConsumer.BatchSize`) for the consumer called `name`:
//
// 1. first its **own pending** messages (`ReadPendingAsync`): after a restart, these are what it held when it crashed;
// 2. if there are none, **new** messages (`ReadNewAsync`);
// 3. if there are none, messages another consumer left unacknowledged for at least
//    `IReliableConsumer.ReclaimAfter` (`ReclaimAsync`): that consumer is presumed dead;
//
// then `await handle(message)` for each one, and **only then** acknowledge them (`AckAsync`). Return how
// many messages you handled (0 when there was nothing to do). If `handle` throws, the consumer has crashed:
// let the exception out.
//
// The check uses the in-process queue with a fake clock, so it is exact and quick: steady work, a crash in
// the middle of a batch followed by a restart under the same name, and a crash after which another consumer
// must take over.
//
// Check it: dotnet run twins/06-queues.cs -- --check 06.2
//
// Exercise 06.2: Acknowledge after processing, survive a crash
public sealed class AckAfterProcessingConsumer : IReliableConsumer
{
    public Task<int> PollAsync(IMessageQueue queue, string name,
                               Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        // TODO: take a batch (own pending, else new, else reclaimed after IReliableConsumer.ReclaimAfter),
        // await handle(message) for each, then AckAsync their ids; return how many you handled.
        throw new NotImplementedException();
    }
}
