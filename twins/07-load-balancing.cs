#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 07 · Load balancing, as a C# file-based app: the twin of notebooks/07-load-balancing.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/07-load-balancing.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/07-load-balancing.cs    every demonstration; charts go to out/twins/07-load-balancing/
//     dotnet run twins/07-load-balancing.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/07-load-balancing.cs -- --check 07.1 --hint 2   one exercise; a failed check prints hint 2
//
// Names changed from the notebook (a program's top-level code is one scope, a notebook's cells are not):
//     cell 70: ewma → ewma2 (declared again)

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
using Workbook.Balancing;
using Workbook.Simulation;
using Workbook.BalancingExercises;
using Workbook.Balancing.Farm;
using System.Net.Http;

Twin.Start("07-load-balancing", "07 · Load balancing", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("07.1", () => new SmoothSchedule());
    Twin.Check("07.2", () => new FewestOutstanding(backends: 4));
    Twin.Check("07.3", () => new TwoDistinctChoices());
    Twin.Done();
    return;
}

// # 07 · Load balancing
//
// One server runs out of cores, memory or sockets long before a popular service runs out of users,
// so real systems put many servers behind a **load balancer** that decides, request by request, which
// server gets the work. That decision looks trivial and is not: a poor policy can leave half the farm
// idle while one server's queue grows without limit, and the difference between a good and a bad
// policy is often a factor of ten in tail latency *with the same hardware*.
//
// The Python article this workbook follows names three policies: **round-robin**, **weighted
// round-robin** and **least connections**. We run all three, then the ones production balancers
// (Envoy, YARP, Linkerd, nginx) actually lean on: **random**, **power of two choices** and
// **latency-aware** balancing. Then we add health checking, and build a simulator that runs a thousand
// servers and a million requests in seconds of virtual time, checked against queueing theory. Finally
// we leave the simulation: a real farm of Kestrel servers on loopback, our own reverse proxy against
// Microsoft's YARP on the same farm, and a backend killed in the middle of a run.
//
// **You will learn**
//
// - how round-robin, weighted round-robin (bursty and smooth) and least connections decide, with exact counts
// - why least connections must end every request's count exactly once, on success, failure *and* cancellation
// - random, power of two choices and peak-EWMA: what production balancers use, and why
// - passive outlier ejection: taking a failing server out, trying it again, and failing fast when all are down
// - how to simulate a farm in virtual time, and how to check a simulator against the supermarket model
// - three effects you can see in charts: tail latency against load, a slow server that round-robin never recovers from, and stale load information that makes "always the least loaded" herd
// - how a real reverse proxy (ours, and YARP) spreads HTTP requests over a farm with one slow server, and what decides its p99
// - what a proxy does when a backend dies: retry, eject, readmit after a restart, answer 503 at once when all are down, and never repeat a POST

Twin.Section("A balancer is a name and a pick");
// ## A balancer is a name and a pick
//
// In the workbook's library every policy implements one small interface, `IBalancer`: a `Name`, the
// `Backends`, and `Pick()`, which chooses a backend for one request. `Pick` returns a **lease**; the
// caller ends it with `Complete(success)` (or `Dispose`, which a `using` block calls) when the request
// is over. Stateless policies ignore the lease, but stateful ones learn from it how many requests each
// backend is working on and how long they take. These are the policies in the catalogue:

Twin.Cell(4);
foreach (var policy in Balancers.All) Console.WriteLine(policy);

// One request, from pick to completion. `Snapshot()` shows what the balancer knows about each backend.

Twin.Cell(6);
var farm = new RoundRobin(Backend.Range(3, "api-"));
var lease = farm.Pick();                  // where should this request go?
Console.WriteLine($"send the request to {lease.Backend}");
lease.Complete(success: true);            // it is over: the balancer stops counting it
foreach (var status in farm.Snapshot()) Console.WriteLine(status);

// > **Try** `Balancers.Create("least-connections", Backend.Range(3, "api-"))` in place of `new RoundRobin(...)`:
// > the rest of the cell stays the same, because every policy is used through the same two calls.

Twin.Section("Round-robin: everyone takes a turn");
// ## Round-robin: everyone takes a turn
//
// Round-robin sends request *k* to backend *k mod n*. It needs no information at all, costs one
// atomic increment per request, and is **exact**: over any *n × k* consecutive picks every backend gets
// exactly *k*. `PickSequence.Take` picks repeatedly (ending each lease at once) and records the names.

Twin.Cell(9);
var rr = PickSequence.Take(new RoundRobin(Backend.Range(3, "api-")), 9_999);
Console.WriteLine($"first picks: {rr}");
Console.WriteLine(string.Join(", ", rr.Counts.Select(c => $"{c.Name}: {c.Picks:N0}")));
Claim.That(rr.Counts.All(c => c.Picks == 3_333), "9,999 round-robin picks over 3 backends give exactly 3,333 each");

// A balancer is called from every request thread of a proxy at once. Round-robin stays exact under
// that pressure because the turn counter is advanced with `Interlocked.Increment`: no two threads can
// get the same turn, so none is lost and none is given twice (compare the lost updates of chapter 01).

Twin.Cell(11);
var shared = new RoundRobin(Backend.Range(3, "api-"));
Parallel.For(0, 9_999, _ => shared.Pick().Complete(success: true));   // many threads, one turn counter
foreach (var status in shared.Snapshot()) Console.WriteLine(status);
Claim.That(shared.Snapshot().All(s => s.Picks == 3_333 && s.Outstanding == 0),
    "from many threads at once: still exactly 3,333 each, and nothing left outstanding");

// Round-robin's weakness is what makes it cheap: it looks at nothing. It assumes every server is equally
// fast and every request equally expensive. When servers differ in size, we need weights; when
// requests differ in cost, we need load information.
//
// > **Try** `Backend.Range(4)` with 10,001 picks. Which backend gets the extra one, and why?

Twin.Section("Weighted round-robin: bursty or smooth");
// ## Weighted round-robin: bursty or smooth
//
// Give each backend a weight proportional to its capacity: a server with weight 5 should receive five
// times the requests of one with weight 1. The obvious implementation expands the weights into a
// cycle, `a a a a a b b b c c` for weights 5:3:2. Its shares are exact, but each backend gets its whole
// share **in one burst** while the others sit idle, and with realistic weights such as 100:50:10 that
// is a hundred requests in a row to one server.
//
// nginx's **smooth weighted round-robin** gives the same exact shares, interleaved. Each backend keeps
// a running score. On every pick: add each backend's weight to its score, choose the highest score,
// and subtract the total weight (10 here) from the winner.
//
// | pick | scores after adding | chosen | scores after subtracting |
// |---|---|---|---|
// | 1 | 5, 3, 2 | a | −5, 3, 2 |
// | 2 | 0, 6, 4 | b | 0, −4, 4 |
// | 3 | 5, −1, 6 | c | 5, −1, −4 |
// | 4 | 10, 2, −2 | a | 0, 2, −2 |
// | 5 | 5, 5, 0 | a (tie: first) | −5, 5, 0 |
// | … | | | |
// | 10 | 10, 0, 0 | a | 0, 0, 0 |
//
// After a full cycle every score is back to 0, so the pattern repeats exactly. Both versions side by side:

Twin.Cell(14);
var weighted = Backend.Weighted(("a", 5), ("b", 3), ("c", 2));
var naive = PickSequence.Of(weighted.SelectMany(b => Enumerable.Repeat(b.Name, b.Weight)));   // expand each weight into a run
var smooth = PickSequence.Take(new SmoothWeightedRoundRobin(weighted), 10);
foreach (var (label, picks) in new[] { ("naive ", naive), ("smooth", smooth) })
    Console.WriteLine($"{label}: {picks}   longest run {picks.LongestRun.Length} x {picks.LongestRun.Name}, most in any 3 picks {picks.MostInWindow(3)}");

// If three requests arrive together, the naive cycle can send all three to `a`; the smooth one never
// sends more than two. Over many cycles the shares are exact:

Twin.Cell(16);
var thousand = PickSequence.Take(new SmoothWeightedRoundRobin(weighted), 1_000);
Console.WriteLine(string.Join(", ", thousand.Counts.Select(c => $"{c.Name}: {c.Picks}")));
Claim.That(thousand.Count("a") == 500 && thousand.Count("b") == 300 && thousand.Count("c") == 200,
    "1,000 smooth picks of 5:3:2 give exactly 500, 300 and 200");
Claim.That(thousand.LongestRun.Length <= 2, "and no backend is ever picked three times in a row");

// > **Try** weights 100:1:1. Some runs are unavoidable now (`a` owns 100 of every 102 picks): how
// > long is the longest run with each version? You implement the smooth algorithm yourself in
// > exercise 07.1.

Twin.Section("Least connections: follow the current load");
// ## Least connections: follow the current load
//
// Weights describe capacity, but not the moment: a server may be stuck on a few slow requests while
// its neighbours are idle. **Least connections** sends each request to the backend with the fewest
// requests *outstanding* (started and not yet finished). To know that, the balancer counts up at every
// pick and down at every lease that ends. Six slow requests are running, two per backend; `api-1`
// finishes both of its requests, and the next two requests arrive:

Twin.Cell(19);
var lc = new LeastConnections(Backend.Range(3, "api-"));
var running = Enumerable.Range(0, 6).Select(_ => lc.Pick()).ToList();     // six requests in flight: two each
foreach (var l in running.Where(l => l.Backend.Name == "api-1")) l.Complete(success: true);
var next = new[] { lc.Pick(), lc.Pick() };
Console.WriteLine($"the next two requests go to: {string.Join(", ", next.Select(l => l.Backend.Name))}");
foreach (var status in lc.Snapshot()) Console.WriteLine(status);
Claim.That(next.All(l => l.Backend.Name == "api-1"), "both go to api-1, the only backend with spare capacity");

// Everything now depends on the count going down **exactly once** per request, however the request
// ends. A request can succeed, fail, or be abandoned by its caller (cancelled, timed out, or an
// exception inside the `using` block); and in ordinary code a lease is often ended twice, by
// `Complete` and then by the `using` block's `Dispose`. Miss a decrement and the backend looks busier
// forever, so least connections starves it; decrement twice and the count drifts below reality, so it
// gets flooded. The library's `Lease` ends exactly once (an `Interlocked.Exchange` decides which call
// counts). Here are 100,000 requests from many threads, ending in every possible way:

Twin.Cell(21);
Parallel.For(0, 100_000, i =>
{
    using var request = lc.Pick();                 // Dispose at the end of the block: a cancellation unless completed
    if (i % 4 == 0) request.Complete(success: true);
    else if (i % 4 == 1) request.Complete(success: false);
    else if (i % 4 == 2) { request.Complete(success: true); request.Complete(success: false); }   // ended twice
    // i % 4 == 3: the caller gave up; the using block ends the lease as cancelled
});
foreach (var l in running.Concat(next)) l.Dispose();       // the earlier requests; Dispose after Complete does nothing
foreach (var status in lc.Snapshot()) Console.WriteLine(status);
Claim.That(lc.Snapshot().All(s => s.Outstanding == 0), "after successes, failures, cancellations and double endings every count is exactly 0");

// The pick counts are not equal, and need not be: least connections goes wherever the load is lowest
// at that instant, not in turns. What must be exact is the bookkeeping, and it is.
//
// > **Try** replacing `using var request = lc.Pick();` by `var request = lc.Pick();`. A quarter of the
// > requests never end their lease: what does `Snapshot()` show, and where would the next request go?
// > Exercise 07.2 asks you to write the bookkeeping yourself.

Twin.Section("What production balancers use: random, two choices, latency-aware");
// ## What production balancers use: random, two choices, latency-aware
//
// Least connections scans every backend on every request and needs a single, shared, up-to-date
// count. A real proxy tier has many balancer instances (one per proxy process, often per thread), each
// with its own, slightly old view. Production balancers therefore lean on policies that are cheap and
// robust to that:
//
// - **Random**: a backend drawn at random (by weight). No state, no coordination, right *on average*.
// - **Power of two choices (P2C)**: draw two *different* backends at random and send the request to
//   the one with fewer outstanding requests. YARP's default policy, and the algorithm behind Envoy's
//   least-request policy.
// - **Peak EWMA** (Finagle, Linkerd): like P2C, but compare *latency estimate × (outstanding + 1)*, so
//   a backend that has become slow loses traffic before its queue shows it.
//
// Random is right on average but, unlike round-robin, not exact. The spread around 3,333 is the
// binomial standard deviation √(9,999 × ⅓ × ⅔) ≈ 47:

Twin.Cell(24);
var random = PickSequence.Take(new RandomChoice(Backend.Range(3, "api-"), new Random(1)), 9_999);   // seeded: the same draws every run
Console.WriteLine(string.Join(", ", random.Counts.Select(c => $"{c.Name}: {c.Picks:N0} ({c.Picks - 3_333:+0;-0})")));
double sd = Math.Sqrt(9_999 * (1.0 / 3) * (2.0 / 3));
Claim.That(random.Counts.All(c => Math.Abs(c.Picks - 3_333) <= 4 * sd), $"each backend is within 4 standard deviations (±{4 * sd:0}) of 3,333");

// Power of two choices with a known state: `HeldLoad.Hold` keeps requests open so that the three
// backends have 0, 5 and 1 outstanding. P2C compares two different backends, so the busiest one loses
// whichever partner it is drawn with, and can never be chosen. The three pairs {0,1}, {0,2}, {1,2} are
// equally likely, so `api-0` should win two thirds of the time and `api-2` one third.

Twin.Cell(26);
var p2c = new PowerOfTwoChoices(Backend.Range(3, "api-"), new Random(7));
var held = HeldLoad.Hold(p2c, 0, 5, 1);
var choices = PickSequence.Take(p2c, 3_000);       // each pick ends at once, so the loads stay 0, 5, 1
Console.WriteLine(string.Join(", ", choices.Counts.Select(c => $"{c.Name}: {c.Picks:N0} ({c.Picks / 3_000.0:P1})")));
Claim.That(choices.Count("api-1") == 0, "the strictly busiest backend is never chosen, in 3,000 decisions");
held.Dispose();

var pair = new PowerOfTwoChoices(Backend.Range(2, "api-"), new Random(7));
var pairHeld = HeldLoad.Hold(pair, 3, 0);
Claim.That(PickSequence.Take(pair, 1_000).Count("api-1") == 1_000, "with two backends the idle one wins every time: two different samples are both of them");
pairHeld.Dispose();

// Peak EWMA keeps a latency estimate per backend. A slower sample replaces the estimate at once
// (react to trouble immediately); faster samples pull it down gradually, with a time constant of 10 s
// (recover cautiously). Time is the simulator's `VirtualClock`, so 60 seconds pass instantly. One
// backend, a request every 0.1 s at 20 ms, and a single 500 ms hiccup at t = 10 s:

Twin.Cell(28);
var ewmaClock = new VirtualClock();
var ewma = new PeakEwma([new Backend("api-0")], new Random(3), ewmaClock);
var estimate = new List<(double Seconds, double Ms)>();
for (int i = 0; i <= 600; i++)                                 // 60 virtual seconds, one request every 0.1 s
{
    ewmaClock.AdvanceTo(i * 0.1);
    ewma.Pick().Complete(RequestOutcome.Success, TimeSpan.FromMilliseconds(i == 100 ? 500 : 20));
    estimate.Add((i * 0.1, ewma.LatencyEstimate(0).TotalMilliseconds));
}
Twin.Show(Plot.Line(Series.Of("peak-EWMA estimate", estimate), "Peak EWMA: up at once, down gradually", "virtual time (s)", "estimated latency (ms)",
    ideal: Series.Of("true latency (20 ms)", estimate.Select(p => (p.Seconds, 20.0)))));

// The estimate starts at its 100 ms default and settles towards the true 20 ms; the hiccup lifts it to
// 500 ms in one step, then it decays by about two thirds every 10 s. Now three backends, one of them ten
// times slower: the slow one gets almost nothing once it has been measured.

Twin.Cell(30);
var clock3 = new VirtualClock();
var aware = new PeakEwma(Backend.Range(3, "api-"), new Random(3), clock3);
double[] latencyMs = [20, 20, 200];                              // api-2 is ten times slower
for (int i = 0; i < 3_000; i++)
{
    clock3.AdvanceTo(i * 0.01);                                  // 100 requests per virtual second
    var l = aware.Pick();
    l.Complete(RequestOutcome.Success, TimeSpan.FromMilliseconds(latencyMs[l.Index]));
}
for (int i = 0; i < 3; i++)
    Console.WriteLine($"{aware.Snapshot()[i]}, latency estimate {aware.LatencyEstimate(i).TotalMilliseconds:0} ms");
Claim.That(aware.Snapshot()[2].Picks < 0.05 * 3_000, "the slow backend gets under 5% of 3,000 requests");

// > **Try** giving `api-2` 25 ms instead of 200 ms. How much traffic does a *slightly* slower backend lose?

Twin.Section("Health: passive outlier ejection");
// ## Health: passive outlier ejection
//
// A backend that is down answers quickly, with errors, and a least-loaded policy loves a backend that
// answers quickly. So every production balancer also tracks **health**. *Passive* outlier ejection
// watches real traffic instead of sending probes:
//
// 1. after **K consecutive failures** the backend is **ejected**: it gets no requests;
// 2. after the **ejection period** it is **half-open**: the next request to it is a single **trial**
//    (state *probing* while it runs);
// 3. a successful trial readmits it; a failed trial ejects it for another period.
//
// Periods are measured with an injected `TimeProvider`. Here it is the `VirtualClock`, so we can
// advance 30 seconds without waiting. Three backends, and `api-2` is down:

Twin.Cell(33);
var healthClock = new VirtualClock();
var options = new EjectionOptions { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(30) };
var guarded = new RoundRobin(Backend.Range(3, "api-"), healthClock, options);
bool IsDown(Backend backend) => backend.Name == "api-2";
for (int i = 0; i < 9; i++) { var l = guarded.Pick(); l.Complete(success: !IsDown(l.Backend)); }
Console.WriteLine($"after 9 requests (3 failed on api-2): api-2 is {guarded.HealthOf(2)}");
Console.WriteLine($"the next 6 requests go to: {PickSequence.Take(guarded, 6)}");
healthClock.AdvanceTo(30);
Console.WriteLine($"30 virtual seconds later: api-2 is {guarded.HealthOf(2)}");

// The next request that lands on `api-2` is its trial. While the trial runs nobody else is sent there;
// `api-2` has recovered, the trial succeeds, and it is back in the rotation:

Twin.Cell(35);
var trial = guarded.Pick();                                             // round-robin reaches api-2 within three picks
while (trial.Backend.Name != "api-2") { trial.Complete(success: true); trial = guarded.Pick(); }
Console.WriteLine($"trial on {trial.Backend.Name}: api-2 is {guarded.HealthOf(2)}; meanwhile requests go to {PickSequence.Take(guarded, 4)}");
trial.Complete(success: true);                                          // api-2 has recovered
Console.WriteLine($"trial succeeded: api-2 is {guarded.HealthOf(2)}; requests go to {PickSequence.Take(guarded, 6)}");
Claim.That(guarded.HealthOf(2) == BackendHealth.Healthy, "a successful trial readmits the backend");

// The whole story in one chart: 30 requests per second for two minutes, and `api-2` is down from
// t = 10 s to t = 75 s. `OutageReplay` runs it in virtual time and counts, per second, what was sent
// to `api-2` and how many requests failed.

Twin.Cell(37);
var outage = OutageReplay.Run(c => new RoundRobin(Backend.Range(3, "api-"), c, options), "api-2", downFrom: 10, downUntil: 75);
var unguarded = OutageReplay.Run(c => new RoundRobin(Backend.Range(3, "api-"), c), "api-2", downFrom: 10, downUntil: 75);
int failed = outage.Sum(r => r.Failed), failedUnguarded = unguarded.Sum(r => r.Failed);
foreach (var row in outage.Where(r => r.SentToSick > 0 && r.Second is >= 10 and <= 101)) Console.WriteLine(row);
Console.WriteLine($"failed requests: {failed} with ejection, {failedUnguarded} without ({(double)failedUnguarded / failed:0}x as many)");
Claim.That(failed == 3 + outage.Count(r => r.IsDown && r.Second > 10 && r.SentToSick > 0),
    "clients saw only the 3 failures that triggered ejection plus one per failed trial");
Twin.Show(Plot.Line([Series.Of("sent to api-2", outage.Select(r => (r.Second, r.SentToSick))), Series.Of("failed", outage.Select(r => (r.Second, r.Failed)))],
    "api-2 down from 10 s to 75 s: passive ejection", "virtual time (s)", "requests per second",
    ideal: Series.Of("fair share (30 / 3)", outage.Select(r => (r.Second, 10)))));

// What to see: `api-2` gets its 10 requests a second until t = 10, three of them fail and it drops to
// zero. Every 30 s a single trial (the blips at 40 s and 70 s) fails, so it stays out; the trial at
// 100 s succeeds and its traffic returns. Without ejection all 650 of its requests during the outage
// fail. The cost of ejection is the other side of the same coin: `api-2` recovered at 75 s but only
// rejoined at 100 s. A shorter period finds the recovery sooner and sends more failing trials.
//
// When **every** backend is out there is nothing sensible to queue for. The balancer fails fast with
// an exception that says what is wrong and when to retry, which a proxy turns into `503 Service
// Unavailable` with a `Retry-After` header:

Twin.Cell(39);
var deadClock = new VirtualClock();
var dead = new RoundRobin(Backend.Range(2, "api-"), deadClock, new EjectionOptions { ConsecutiveFailures = 2, Duration = TimeSpan.FromSeconds(30) });
for (int i = 0; i < 4; i++) dead.Pick().Complete(success: false);     // both backends fail twice
deadClock.AdvanceTo(12);
NoHealthyBackendException? failure = null;
try { dead.Pick(); } catch (NoHealthyBackendException e) { failure = e; }
Console.WriteLine(failure?.Message);
Claim.That(failure is not null && failure.NextReturn == VirtualClock.Epoch.AddSeconds(30),
    "with every backend ejected, Pick fails at once and says the first one returns at t = 30 s");

// > **Try** `Duration = TimeSpan.FromSeconds(5)` in `options` and run the outage chart again. Count the
// > failed trials, and see how soon after 75 s the traffic returns.

Twin.Section("The simulator: a thousand servers in virtual time");
// ## The simulator: a thousand servers in virtual time
//
// To compare policies under load we need many servers, many requests and precise measurements:
// impossible to get from real machines on a laptop, easy to get from a **discrete-event simulation**.
// `Simulator.Run` keeps a clock of virtual seconds and two kinds of events: an arrival (Poisson, at a
// rate of `Load` × total capacity) and a departure (exponential service, mean 1 virtual second at
// speed 1). The clock jumps from one event to the next, so there is no waiting, and the same seed gives
// the same result every time.
//
// Crucially, the policies are **the same classes** as above: each arrival calls `Pick()`, each
// departure ends the lease. The simulator tests the real code, not a model of it. Time is in *mean
// service times*: a time in system of 2.6 means 2.6 times as long as serving one request takes.

Twin.Cell(42);
var big = Simulator.Run(new Scenario { Servers = 1_000, Load = 0.9, Requests = 1_000_000 }, "power-of-two");
Console.WriteLine(big);
Console.WriteLine($"{big.RequestsPerWallSecond:N0} requests simulated per second of real time on this machine");
Claim.That(big.RequestsPerServer.Sum() == 1_000_000 && big.TimeInSystem.Count == 900_000,
    "all 1,000,000 requests were routed and served; the first 10% are warm-up, the other 900,000 are measured");
Claim.That(Math.Abs(big.LittleRatio - 1) < 0.02, "Little's law holds: requests in the farm = throughput × time in system (within 2%)");

// > **Try** `"random"` in place of `"power-of-two"`: the mean should land near 1/(1 − 0.9) = 10, four
// > times worse. Then try `Load = 1.05`: arrivals now exceed capacity. What happens to the longest queue
// > and the mean as you double `Requests`?

Twin.Section("Does the simulator agree with theory?");
// ## Does the simulator agree with theory?
//
// A simulator is only useful if it is right, so we check it against the **supermarket model**:
// Poisson arrivals, exponential service, requests routed at random or by two choices. For random
// assignment each server is an independent M/M/1 queue, and the mean time in system is 1/(1 − ρ): 10 at
// load ρ = 0.9, 100 at 0.99. For two choices, Mitzenmacher and Vvedenskaya–Dobrushin–Karpelevich showed
// that in a large farm the fraction of servers with at least *i* requests is ρ^(2^i − 1), which gives
// a mean time of Σ ρ^(2^i − 2): **2.61** at 0.9 and **5.43** at 0.99. A second random look turns a
// queue length that falls geometrically into one that falls doubly exponentially.
//
// The sizes below are chosen per case: random assignment needs few servers and many requests each (every
// server is its own queue); the two-choices result is a large-farm limit, so it gets more servers.

Twin.Cell(45);
var theory = Sweep.Run([
    (new Scenario { Servers = 20,  Load = 0.9,  Requests = 500_000 }, "random"),
    (new Scenario { Servers = 100, Load = 0.9,  Requests = 300_000 }, "power-of-two"),
    (new Scenario { Servers = 200, Load = 0.99, Requests = 1_000_000, WarmUpFraction = 0.2 }, "power-of-two"),
    (new Scenario { Servers = 20,  Load = 0.99, Requests = 3_000_000, WarmUpFraction = 0.2 }, "random"),
]).Select(TheoryComparison.Of).ToList();
Console.WriteLine(TheoryComparison.Header);
theory.ForEach(Console.WriteLine);
Claim.That(theory.Take(3).All(t => t.Within(0.10)), "random at 0.9 and two choices at 0.9 and at 0.99 are within 10% of theory");

// Random assignment at 0.99 is the hard case, and it is hard for a reason worth understanding. An M/M/1
// queue at 0.99 wanders: its length drifts up into the hundreds and back down over tens of thousands of
// service times, so consecutive requests see nearly the same queue and a million of them are worth far
// fewer independent samples. The variance of the sample mean is about 2ρ(1 + ρ)/(1 − ρ)⁴ ≈ 4 × 10⁸
// divided by the number of requests: for a ±10% answer at three standard errors we would need about
// 36 million measured requests. Instead we report the measurement **with its standard error**
// (estimated from the 20 servers, which under random assignment are independent queues) and check
// that the theory lies within three of them:

Twin.Cell(47);
var hard = theory[3];
Console.WriteLine($"random at 0.99: {hard.Measured:0.0} ± {hard.StandardError:0.0} (theory {hard.Theory:0}), off by {hard.RelativeError:+0.0%;-0.0%}");
Console.WriteLine($"two choices at 0.99: {theory[2].Measured:0.00}; random's mean time in system is {hard.Measured / theory[2].Measured:0}x as long");
Claim.That(hard.WithinStandardErrors(3), "random at 0.99 agrees with theory within 3 standard errors");

// > **Try** running random at 0.99 with 300,000 requests: how far off is the mean, and what does the
// > standard error say about it?

Twin.Section("Tail latency against load");
// ## Tail latency against load
//
// With the simulator trusted, we can compare every policy on the same arrivals and the same work (each
// run reuses the seed, so the differences are the policies'). Fifty identical servers, loads from 0.5
// to 0.95, 200,000 requests per point; `Sweep.Run` spreads the 35 runs over your cores. The dashed
// line is the exact p99 for random assignment: each server is M/M/1, whose time in system is
// exponential with rate 1 − ρ, so p99 = ln(100)/(1 − ρ).

Twin.Cell(50);
double[] loads = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];
string[] policies = ["round-robin", "random", "least-connections", "power-of-two", "peak-ewma"];
var sweep = Sweep.Run(from p in policies from load in loads select (new Scenario { Servers = 50, Load = load, Requests = 200_000 }, p));
Series Curve(string policy, Func<LatencySummary, double> metric) =>
    Series.Of(policy, sweep.Where(r => r.Policy == policy).Select(r => (r.Scenario.Load, metric(r.TimeInSystem))));
Twin.Show(Plot.Line(policies.Select(p => Curve(p, t => t.P99)), "p99 time in system against load (50 identical servers)",
    "offered load ρ", "p99 time in system (mean service times, log scale)",
    ideal: Series.Of("random, M/M/1 theory", loads.Select(l => (l, Math.Log(100) / (1 - l)))), logY: true));

Twin.Cell(51);
Twin.Show(Plot.Line(policies.Select(p => Curve(p, t => t.P50)), "Median (p50) time in system against load (50 identical servers)",
    "offered load ρ", "p50 time in system (mean service times, log scale)",
    ideal: Series.Of("random, M/M/1 theory", loads.Select(l => (l, Math.Log(2) / (1 - l)))), logY: true));

Twin.Cell(52);
var at09 = sweep.Where(r => r.Scenario.Load == 0.9).ToDictionary(r => r.Policy, r => r.TimeInSystem);
double P99(string policy) => at09[policy].P99;
foreach (var (name, t) in at09)
    Console.WriteLine($"{name,-18} p50 {t.P50,5:0.00}  p99 {t.P99,5:0.00} = {P99(name) / P99("random"):0.00}x random's p99");
Claim.That(P99("least-connections") < P99("power-of-two") && P99("power-of-two") < P99("round-robin") && P99("round-robin") < P99("random"),
    "at load 0.9 the p99 ranks least connections < two choices < round-robin < random");

// What to see: every curve rises steeply towards ρ = 1 (queueing delay grows like 1/(1 − ρ)), but by
// very different amounts. Random follows the M/M/1 line. Round-robin does better than random because
// it spaces each server's arrivals evenly. The load-aware policies are in another class: at 0.9, two
// choices cuts random's p99 by about a factor of five, and least connections with perfect, instant
// information is the best possible here. Peak-EWMA sits close to two choices; its latency signal adds
// little on identical servers (and some noise), and earns its keep when latency differs for reasons a
// queue length does not show. Load-aware policies also barely move the median until load is high: the
// gain is in the tail.
//
// > **Try** `Service = ServiceTime.Deterministic` in the scenario: with no variation in the work, how
// > much of round-robin's gap to least connections remains?

Twin.Section("Mixed speeds: the farm round-robin never recovers");
// ## Mixed speeds: the farm round-robin never recovers
//
// Now make the farm uneven: ten servers, one of them (`s0`) at a quarter of the speed, at load 0.9 of
// the *total* capacity. Round-robin still sends `s0` a tenth of the requests, but `s0` can only serve
// 0.25 / 9.25 ≈ 2.7% of them. It receives requests 3.3 times faster than it can finish them.

Twin.Cell(55);
var mixed = new Scenario { Speeds = Scenario.OneSlowServer(10, slowSpeed: 0.25), Load = 0.9, Requests = 200_000 };
string[] contenders = ["round-robin", "power-of-two", "least-connections"];
var perServer = Sweep.Run(contenders.Select(p => (mixed, p)));
double capacity = mixed.Speeds!.Sum();
var bars = perServer.SelectMany(r => r.RequestsPerServer.Select((n, i) => (r.Policy, $"s{i}", (double)n)))
    .Concat(mixed.Speeds.Select((speed, i) => ("share of capacity", $"s{i}", mixed.Requests * speed / capacity)));
foreach (var r in perServer)
    Console.WriteLine($"{r.Policy,-18} s0 got {r.RequestsPerServer[0],6:N0} requests; mean time in system {r.TimeInSystem.Mean:N1}");
Twin.Show(Plot.GroupedBar(bars, "Requests per server; s0 runs at a quarter speed", "server", "requests (of 200,000)"));

// The load-aware policies send `s0` roughly its share of capacity: it is busy more often, so it wins
// fewer comparisons. Round-robin's equal bars look fair and are the problem: `s0`'s queue grows for as
// long as the run lasts, so its "mean time in system" is not a property of the system at all but of
// how long we looked. Run it longer and it gets worse, in proportion:

Twin.Cell(57);
int[] lengths = [25_000, 50_000, 100_000, 200_000, 400_000];
var growth = Sweep.Run(from p in contenders from n in lengths select (mixed with { Requests = n }, p));
var means = contenders.ToDictionary(p => p, p => growth.Where(r => r.Policy == p).Select(r => r.TimeInSystem.Mean).ToArray());
double Growth(string policy) => means[policy][^1] / means[policy][0];
foreach (var p in contenders) Console.WriteLine($"{p,-18} mean {means[p][0],7:N1} after 25k requests, {means[p][^1],7:N1} after 400k ({Growth(p):0.0}x)");
Claim.That(Growth("round-robin") > 8, "round-robin's mean grows with the run: 16x the requests, more than 8x the mean");
Claim.That(Growth("power-of-two") is > 0.8 and < 1.25 && Growth("least-connections") is > 0.8 and < 1.25,
    "two choices and least connections stay put (within ±25%)");
Twin.Show(Plot.Line(contenders.Select(p => Series.Of(p, lengths.Zip(means[p]))), "Mean time in system against run length (one server at quarter speed)",
    "requests simulated (log scale)", "mean time in system (mean service times, log scale)", logX: true, logY: true));

// What to see: the round-robin line climbs in a straight line on log-log axes (the mean doubles when
// the run doubles: the slow server's backlog grows linearly with time), while two choices and least
// connections are flat. This is the classic production failure of load-blind balancing: one degraded
// machine (a noisy neighbour, a bad disk, a GC storm) takes its share of traffic anyway, and the
// requests that land on it wait for ever longer.
//
// > **Try** `slowSpeed: 0.9` (slightly slow). Is round-robin stable now? Where is the boundary? (Hint:
// > `s0` receives 0.9 × 9.9 / 10 requests per second.)

Twin.Section("Stale load information: when \"always the least loaded\" herds");
// ## Stale load information: when "always the least loaded" herds
//
// Least connections won every comparison so far because it had perfect information. In a real proxy
// tier the load view is **stale**: it comes from another process, a gossip round or a metrics scrape,
// refreshed every so often. Here the policy sees each server's count as it was at the last refresh,
// every *T* virtual seconds (T = 0 means always current). Between refreshes, every request sees the
// same few "least loaded" servers, and they all go there: a **herd**. Two choices compares two *random*
// servers, which are rarely the same stale minimum. The dashed line is random assignment (no load
// information at all): 1/(1 − 0.9) = 10.

Twin.Cell(60);
double[] refresh = [0, 0.1, 0.25, 0.5, 1, 2, 4, 8];
var herd = Sweep.Run(from p in new[] { "least-connections", "power-of-two" } from t in refresh
                     select (new Scenario { Servers = 100, Load = 0.9, Requests = 100_000, RefreshInterval = t == 0 ? null : t }, p));
Series Staleness(string policy) =>
    Series.Of(policy, herd.Where(r => r.Policy == policy).Select(r => (r.Scenario.RefreshInterval ?? 0, r.TimeInSystem.Mean)));
foreach (var r in herd.Where(r => r.Scenario.RefreshInterval is null or 1 or 8))
    Console.WriteLine($"{r.Policy,-18} refresh {r.Scenario.RefreshInterval ?? 0} s: mean {r.TimeInSystem.Mean:0.00}, longest queue {r.LongestQueue}");
Twin.Show(Plot.Line([Staleness("least-connections"), Staleness("power-of-two")], "Stale load information: mean time in system (100 servers, load 0.9)",
    "refresh interval of the load view (mean service times; 0 = always current)", "mean time in system (mean service times)",
    ideal: Series.Of("random (no load information)", refresh.Select(t => (t, SupermarketModel.RandomMeanTime(0.9))))));

Twin.Cell(61);
double Mean(string policy, double t) => Staleness(policy).Y[Array.IndexOf(refresh, t)];
double leastAt4 = Mean("least-connections", 4), twoAt4 = Mean("power-of-two", 4);
Console.WriteLine($"view refreshed every 4 s: least connections {leastAt4:0.0}, two choices {twoAt4:0.0} ({leastAt4 / twoAt4:0.0}x)");
Claim.That(Mean("least-connections", 0) < Mean("power-of-two", 0), "with current information least connections beats two choices");
Claim.That(Mean("least-connections", 4) > SupermarketModel.RandomMeanTime(0.9), "with a 4 s old view least connections is worse than choosing at random");
Claim.That(Mean("power-of-two", 8) < 2 * Mean("power-of-two", 0), "two choices stays within 2x of its fresh value even with an 8 s old view");

// What to see: the two lines cross before the view is even half a service time old. Least connections
// degrades fastest: with a view two service times old it is as slow as choosing at random, and beyond
// that it is *worse than random*, with queues many times longer, because it sends the arrivals of a
// whole interval to the same handful of "least loaded" servers. Two choices degrades gracefully.
//
// > **Try** adding `"random"` to the policies of the sweep. Its line is flat at 10: information it never
// > uses cannot go stale. Which refresh interval makes least connections exactly as good as random? This, together with its O(1) cost and lack of shared state, is why P2C-style policies
// are the production default.

Twin.Section("A real farm on loopback: our proxy against YARP");
// ## A real farm on loopback: our proxy against YARP
//
// Everything above ran in one process: real balancer code, simulated servers. Now the servers and the
// proxies are real. `BackendFarm.StartAsync` starts three **Kestrel** servers on 127.0.0.1, each on a
// port the operating system picks (port 0); every answer carries an `X-Backend` header, so the client
// can count who served it. `backend2` is deliberately slow: it answers in 100 ms, the others in 2 ms.
//
// In front of the same farm we put two kinds of reverse proxy, each a real HTTP server on its own port:
//
// - **ours**: `LoadBalancingProxy`, about 300 lines on Kestrel and `HttpClient`, that asks any
//   `IBalancer` of this chapter for the backend of each request (plus ejection, retries, timeouts);
// - **YARP**, Microsoft's production reverse-proxy library, configured in code with its own policies
//   `RoundRobin`, `LeastRequests` and `PowerOfTwoChoices`.
//
// `FarmComparison.RunAsync` starts a proxy per policy, warms each up, then drives them with 8
// closed-loop clients (each sends its next request when the previous answer arrives) in **interleaved
// rounds**: three rounds of 300 GETs, every contender once per round, in a rotated order, so machine
// noise is shared fairly instead of charged to whoever ran last. Clients, proxies and backends all
// share this machine's cores, so absolute numbers are modest; compare the contenders with each other.
// It stops every server before it returns: nothing is left listening.

Twin.Cell(64);
var farmOptions = new FarmComparisonOptions { Farm = FarmOptions.OneSlow(), Concurrency = 8, RequestsPerRound = 300, WarmupRequests = 100, Seed = 7 };
var farmRun = await FarmComparison.RunAsync(farmOptions)
    .WaitAsync(TimeSpan.FromSeconds(120));                 // bounded: a hung server fails the cell instead of the notebook
Console.WriteLine(farmRun);
Console.WriteLine($"{farmRun.Contenders.Count} contenders on one farm in {farmRun.Elapsed.TotalSeconds:0.0} s");
Claim.That(farmRun.Contenders.All(c => c.Errors == 0 && c.PerBackend.Sum() == c.Requests), "every request of every contender got a 2xx answer from exactly one backend");
Claim.That(farmRun.Ours("round-robin").PerBackend.All(n => n == 300) && farmRun.Yarp("RoundRobin").PerBackend.All(n => n == 300),
    "both round-robins gave each backend exactly 300 of the 900 measured requests, the slow one included");

// Who got the work? One group of bars per contender, one bar per backend. The two round-robins give
// the slow `backend2` exactly a third; everything that looks at load or latency sends it less.

Twin.Cell(66);
Twin.Show(FarmCharts.PerBackend(farmRun));

// What that costs the clients: throughput, and the mean and 99th percentile of latency, measured by
// the clients through each proxy. (The `cpu` column printed above is the processor time of the whole notebook
// process per request during that contender's rounds: a rough hint of a proxy's cost, since it also
// counts the clients, the backends and anything else the process did meanwhile.)

Twin.Cell(68);
Twin.Show(FarmCharts.Throughput(farmRun));

Twin.Cell(69);
Twin.Show(FarmCharts.Latency(farmRun, reference: farmOptions.Farm.SlowLatency, referenceName: "backend2's delay (100 ms)"));

Twin.Cell(70);
var ewma2 = farmRun.Ours("peak-ewma");
var bestYarp = farmRun.Contenders.Where(c => c.Kind == "YARP").MinBy(c => c.P99)!;
foreach (var c in farmRun.Contenders)
    Console.WriteLine($"{c.Name,-24} {c.Share(2),6:P1} to backend2 ({c.PerBackend[2],3} requests)   p99 {c.P99.TotalMilliseconds,5:0} ms   mean {c.Mean.TotalMilliseconds,5:0.0} ms   {c.Throughput / farmRun.Ours("round-robin").Throughput,3:0.0}x round-robin's throughput");
Console.WriteLine($"peak-EWMA: p99 {ewma2.P99.TotalMilliseconds:0} ms, {ewma2.Share(2):P1} to backend2; best of YARP's ({bestYarp.Policy}): p99 {bestYarp.P99.TotalMilliseconds:0} ms, {bestYarp.Share(2):P1} to backend2");
var slow = farmOptions.Farm.SlowLatency;
Console.WriteLine("this run: " + ((ewma2.P99 < slow, bestYarp.P99 < slow) switch
{
    (true, false) => "only peak-EWMA kept p99 below backend2's delay; YARP's policies did not",
    (true, true) => "peak-EWMA and YARP's best both kept p99 below backend2's delay",
    (false, true) => "YARP's best kept p99 below backend2's delay; peak-EWMA did not",
    _ => "no policy kept p99 below backend2's delay: each sent it more than 1% of the requests",
}));

// What to see. **Round-robin**, ours and YARP's alike, gives `backend2` exactly a third of the requests
// (300 of 900), so a third of the clients' requests wait 100 ms: the mean is around 35–45 ms and the
// throughput a third of the others'. **Every load-aware policy** sends `backend2` only a few percent,
// because a request there stays in flight 50 times longer, so its count is high whenever it has any
// work. Their means drop to about 8–24 ms and their throughput is two to five times round-robin's.
//
// **p99** is a different matter, and the printed shares explain it: the 99th percentile lands above
// 100 ms exactly when more than 1% of the requests went to `backend2`. Policies that look only at load
// (least connections, least requests, two choices) cannot go much lower: on this 2-core machine the
// "2 ms" backends share the cores with the clients and seven proxies, so under load they answer in
// several ms with four or so requests in flight, and now and then that looks as costly as one request
// at 100 ms. In three runs while writing this text they sent `backend2` 18–69 of 900 requests
// (2.0–7.7%), and their p99 stayed at 102–156 ms.
//
// Peak-EWMA on the farm (`FarmPolicies.Create("peak-ewma", …)`) adds what production latency-aware
// balancers add: a backend whose *typical* latency (a plain moving average, so one slow answer does not
// count) is more than five times the best backend's is an **outlier**. An outlier is left out of the
// two-choice contest, except for **one probe request a second**, whose answer brings it back as soon as
// it is fast again. In five runs while writing this text peak-EWMA sent `backend2` 0–3 of 900 measured
// requests (at most 0.3%; the probes of a one-second schedule often fall outside the short measured
// rounds), its p99 was 11–61 ms against YARP's best 101–127 ms, and its mean (5.2–14 ms) the lowest of all.
//
// Without the probe, peak-EWMA did no better than the others: 18–26 of 900 (2.0–2.9%) in earlier
// runs, p99 100–108 ms. Two rules of plain peak-EWMA let the slow backend back in: an unheard backend's
// estimate relaxes towards its starting value (zero here), so within a second or two `backend2` looked
// cheap again; and the peak rule let one 30 ms hiccup of a fast backend make *that* backend look as
// costly as `backend2` for a whole time constant. The probe replaces the relaxation, and the outlier
// test uses the average rather than the peak. `PeakEwmaProbingTests` replays a 50-times-slower backend
// in virtual time: under 0.5% of the requests at steady state (about one a second), more than ten
// times fewer than without probes, and a fair share again within 5 s after it recovers.
// The cell above prints the verdict of *your* run.
//
// > **Try** `FarmOptions.OneSlow(slowLatency: TimeSpan.FromMilliseconds(10))`: a backend only five times
// > slower. Which policies still notice? And `Concurrency = 2`: with hardly any requests in flight, what
// > is left for least-requests to compare?

Twin.Section("Faults: kill a backend under load");
// ## Faults: kill a backend under load
//
// A proxy earns its keep when a backend dies. `FaultScenario.RunAsync` runs 8 clients through our
// proxy (round-robin, ejection after 3 consecutive failures for 1 s, up to 3 attempts per request) for
// 6 s, **kills** `backend1` at 1.5 s (its Kestrel server stops; connections are refused) and
// **restarts** it on the same port at 3.5 s. Three mechanisms should keep the clients from noticing:
//
// 1. **retry**: a GET whose forward fails (connection refused) is idempotent, so the proxy sends it to
//    another backend;
// 2. **ejection**: after three failures in a row `backend1` is out, and gets no ordinary requests;
// 3. **half-open trial**: once per ejection period one request tests it; after the restart a trial
//    succeeds and readmits it.

Twin.Cell(73);
var fault = await FaultScenario.RunAsync(new FaultOptions { Seed = 7 }).WaitAsync(TimeSpan.FromSeconds(60));
Console.WriteLine(fault);
Console.WriteLine($"the proxy's own counters: {fault.Proxy}");
Claim.That(fault.FailedClientRequests == 0, $"all {fault.ClientRequests:N0} client requests succeeded although backend1 died mid-run");
Claim.That(fault.EjectedAt is not null && fault.SentWhileEjected == 0, "while ejected, backend1 got no ordinary requests (only trials)");
Claim.That(fault.Reactivated, "after its restart a trial readmitted backend1 and it served requests again");

// The timeline: forward attempts per second to each backend, in 250 ms slices (each point at the start
// of its slice). The dashed line is `backend1`'s fair share: a third of all attempts, times the part of
// the slice during which its server was listening. Round-robin alternates between the two survivors, so
// `backend0` and `backend2` draw the same line and one hides the other.

Twin.Cell(75);
double Up(FaultInterval t)                                      // the part of the slice during which backend1 was listening
{
    double from = t.Start.TotalSeconds, to = from + t.Width.TotalSeconds;
    return 1 - Math.Clamp((Math.Min(to, fault.RestartedAt.TotalSeconds) - Math.Max(from, fault.KilledAt.TotalSeconds)) / t.Width.TotalSeconds, 0, 1);
}
var listening = fault.Timeline.Select(t => (t.Start.TotalSeconds, Up(t) * t.Attempts.Sum() / 3.0 / t.Width.TotalSeconds));
Twin.Show(Plot.Line(fault.Backends.Select((name, i) => Series.Of(name, fault.AttemptRate(i))),
    $"backend1 killed at {fault.KilledAt.TotalSeconds:0.0} s, restarted at {fault.RestartedAt.TotalSeconds:0.0} s",
    "time since the load started (s)", "forward attempts per second", ideal: Series.Of("backend1 fair share while listening", listening)));

// What to see: all three lines near a third of the rate until the kill; `backend1`'s line drops to zero
// within one slice (the proxy ejects it after three failed attempts, and retries those three requests
// on the others), and the other two lines rise by half to carry its share. While it is out, a single
// trial per ejection period (1 s) fails; after the restart the next trial succeeds and `backend1`'s line
// returns to the dashed fair share. In the run recorded while writing
// this: 8,778 client requests and 0 failures; `backend1` was killed at 1.51 s and ejected 0.02 s later
// after 3 failed attempts (each retried on another backend), its trial at 2.55 s failed, it was
// restarted at 3.51 s, readmitted by the trial at 3.56 s, and then served 1,518 requests.
//
// > **Try** `new FaultOptions { MaxAttempts = 1 }`: no retries. How many client requests fail now, and
// > how does that number relate to `FailuresBeforeEjection` and the failed trials in the event list?

Twin.Section("Every backend down, and a POST that must not be repeated");
// ## Every backend down, and a POST that must not be repeated
//
// When every backend is dead, waiting helps nobody. `FaultScenario.AllDownAsync` kills the whole farm
// and sends 100 GETs, one after another: the first few learn that the backends are gone (each tries
// every backend and gets a `502 Bad Gateway`); once all are ejected the proxy answers **503 Service
// Unavailable** at once, with a `Retry-After` header, without touching the network.

Twin.Cell(78);
var allDown = await FaultScenario.AllDownAsync(requests: 100).WaitAsync(TimeSpan.FromSeconds(60));
Console.WriteLine(allDown);
Claim.That(allDown.Other == 0 && allDown.BadGateway + allDown.Unavailable == 100, "every request got a 502 or a 503: none hung, none timed out");
Claim.That(allDown.BadGateway == 3, "only the 3 requests that discovered the outage paid for it (one attempt per backend each)");

// With every backend ejected a 503 costs the client well under a millisecond on average (0.15–0.7 ms in
// our runs), instead of a connection attempt per backend or a timeout: a client that is told "no"
// quickly can fall back, queue or show an error while a slow "no" would hold its threads and sockets.
//
// Retrying is only safe when repeating the request is harmless. `KillDuringRequestAsync` sends one
// request that `backend0` holds for a minute, and kills `backend0` while the request is inside it.
// A GET is repeated on another backend; a POST ("charge the card once") may already have had its
// effect, so the proxy answers 502 and leaves the decision to the client.

Twin.Cell(80);
var inFlightGet = await FaultScenario.KillDuringRequestAsync(HttpMethod.Get).WaitAsync(TimeSpan.FromSeconds(60));
var inFlightPost = await FaultScenario.KillDuringRequestAsync(HttpMethod.Post).WaitAsync(TimeSpan.FromSeconds(60));
Console.WriteLine(inFlightGet);
Console.WriteLine(inFlightPost);
Claim.That(inFlightGet.Status == 200 && inFlightGet.Deliveries == 2, "the GET was sent again to another backend and succeeded");
Claim.That(inFlightPost.Status == 502 && inFlightPost.Deliveries == 1, "the POST reached a backend exactly once and was not retried: the client got 502");

// > **Try** sending the POST with an `Idempotency-Key` in mind: what would the *backend* have to store
// > so that a client could safely send the same POST again after a 502?

Twin.Section("Exercises");
// ## Exercises
//
// Each exercise has a stub cell (replace the `TODO`), a check cell, and a hint cell: run the hint cell
// again for a more specific hint.
//
Twin.Section("07.1 Smooth weighted round-robin", level: 3);
// ### 07.1 Smooth weighted round-robin
//
// Implement `IWeightedRoundRobin.Picks(weights, count)`: the first `count` picks of weighted
// round-robin over backends with the given weights (each pick an index into `weights`). The checker
// tries several weight sets and requires that the same weights always give the same picks, that every
// full cycle of Σ weights picks gives each backend **exactly** its weight, and that the picks are
// **smooth**: after any number of picks *t*, every backend has been picked within one pick of its fair
// share *t* × wᵢ / Σw. So 5:3:2 must not come out as `0 0 0 0 0 1 1 1 2 2`.

Twin.Cell(84);
Twin.Check("07.1", () => new SmoothSchedule());

Twin.Cell(85);
Twin.Hint("07.1");

Twin.Section("07.2 Least connections that always decrements", level: 3);
// ### 07.2 Least connections that always decrements
//
// Implement `ILeastConnections` over `backends` backends. `Pick()` chooses a backend with the fewest
// outstanding requests, counts the request there and returns an `IRequestTicket`. Ending the ticket,
// by `Complete(outcome)` with **any** outcome (success, failure, cancelled) or by `Dispose()`, must take
// the request off the count **exactly once**: later endings do nothing, even when two threads end the
// same ticket at the same moment. The checker forces choices with held tickets, ends tickets in every
// way (including twice), then runs many threads at once and requires every count to return to exactly 0.

Twin.Cell(88);
Twin.Check("07.2", () => new FewestOutstanding(backends: 4));

Twin.Cell(89);
Twin.Hint("07.2");

Twin.Section("07.3 Power of two choices, two different backends", level: 3);
// ### 07.3 Power of two choices, two different backends
//
// Implement `ITwoChoices.Choose(outstanding, random)`: sample two **different** backends uniformly at
// random using the `random` you are given, and return the one with fewer outstanding requests (the
// first sampled on a tie); with a single backend return 0. The checker uses seeded randomness and set
// loads: of two backends the idle one must always win, of three the strictly busiest must never be
// chosen and the others must win as often as two distinct random samples predict, equal loads must
// spread evenly, and the same seed must give the same choices.

Twin.Cell(92);
Twin.Check("07.3", () => new TwoDistinctChoices());

Twin.Cell(93);
Twin.Hint("07.3");

Twin.Section("Recap");
// ## Recap
//
// - **Round-robin** is exact and costs one atomic increment, but looks at nothing. **Weighted
//   round-robin** adds capacity; do it **smoothly** (nginx's running scores), or heavy backends get
//   their share in bursts.
// - **Least connections** follows the live load, and everything depends on the bookkeeping: count at
//   the pick, uncount **exactly once** when the request ends, on success, failure, cancellation or a
//   second ending. A lease (or ticket) with an `Interlocked.Exchange` flag is how.
// - Production balancers prefer **random**, **power of two choices** (two *different* random backends,
//   keep the less loaded) and **peak-EWMA**: O(1), no shared state, and robust to stale information.
// - **Passive ejection** takes a failing backend out after K consecutive failures, tries it again with
//   one half-open trial per period, and when everything is out, **fails fast** with a clear error.
// - A **discrete-event simulator** runs a million requests across a thousand servers in seconds of real
//   time; we trusted it only after it matched the **supermarket model** (10 and 2.61 at ρ = 0.9, within
//   a few percent), and reported the hard case with its standard error instead of pretending.
// - Three charts to remember: load-aware policies cut p99 by several times at high load; a single slow
//   server makes round-robin's latency grow without bound; and stale information turns "always the
//   least loaded" into a herd that is worse than random, while two choices shrugs it off.
// - On a **real farm** the same policies behave as simulated: both round-robins (ours and YARP's) give
//   the slow backend exactly a third, and every load-aware policy cuts its share to a few percent. p99
//   is decided by that share: above 1% of the requests on a 100 ms backend means a p99 above 100 ms.
//   Peak-EWMA with **outlier probing** (one probe a second to a backend typically 5x slower than the
//   best) cut it to 0.3% or less and kept p99 well below 100 ms.
// - A proxy survives a dead backend with three mechanisms: **retry** idempotent requests elsewhere,
//   **eject** after a few failures, **readmit** after a successful trial. With every backend out it
//   answers **503 at once**; and a POST whose backend died mid-request gets a **502, not a second
//   delivery**.
//
// Previous: [06 · Queues](06-queues.ipynb) · Next: [08 · Tuning](08-tuning.ipynb)

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 07.1 (notebook cell 83) ═══
// ## Exercises
//
// Each exercise has a stub cell (replace the `TODO`), a check cell, and a hint cell: run the hint cell
// again for a more specific hint.
//
// ### 07.1 Smooth weighted round-robin
//
// Implement `IWeightedRoundRobin.Picks(weights, count)`: the first `count` picks of weighted
// round-robin over backends with the given weights (each pick an index into `weights`). The checker
// tries several weight sets and requires that the same weights always give the same picks, that every
// full cycle of Σ weights picks gives each backend **exactly** its weight, and that the picks are
// **smooth**: after any number of picks *t*, every backend has been picked within one pick of its fair
// share *t* × wᵢ / Σw. So 5:3:2 must not come out as `0 0 0 0 0 1 1 1 2 2`.
//
// Check it: dotnet run twins/07-load-balancing.cs -- --check 07.1
//
// Exercise 07.1: Smooth weighted round-robin
public sealed class SmoothSchedule : IWeightedRoundRobin
{
    public IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count)
    {
        // TODO: keep a running score per backend; on each pick add every weight to its score,
        // choose the highest score, and subtract the total weight from the winner.
        throw new NotImplementedException();
    }
}

// ═══ Exercise 07.2 (notebook cell 87) ═══
// ### 07.2 Least connections that always decrements
//
// Implement `ILeastConnections` over `backends` backends. `Pick()` chooses a backend with the fewest
// outstanding requests, counts the request there and returns an `IRequestTicket`. Ending the ticket,
// by `Complete(outcome)` with **any** outcome (success, failure, cancelled) or by `Dispose()`, must take
// the request off the count **exactly once**: later endings do nothing, even when two threads end the
// same ticket at the same moment. The checker forces choices with held tickets, ends tickets in every
// way (including twice), then runs many threads at once and requires every count to return to exactly 0.
//
// Check it: dotnet run twins/07-load-balancing.cs -- --check 07.2
//
// Exercise 07.2: Least connections that always decrements
public sealed class FewestOutstanding : ILeastConnections
{
    private readonly int[] _outstanding;

    public FewestOutstanding(int backends) => _outstanding = new int[backends];

    public int Count => _outstanding.Length;

    public int Outstanding(int backend) => Volatile.Read(ref _outstanding[backend]);

    public IRequestTicket Pick()
    {
        // TODO: choose the backend with the fewest outstanding requests, count this request on it,
        // and return a ticket whose Complete and Dispose take it off again, exactly once.
        throw new NotImplementedException();
    }
}

// ═══ Exercise 07.3 (notebook cell 91) ═══
// ### 07.3 Power of two choices, two different backends
//
// Implement `ITwoChoices.Choose(outstanding, random)`: sample two **different** backends uniformly at
// random using the `random` you are given, and return the one with fewer outstanding requests (the
// first sampled on a tie); with a single backend return 0. The checker uses seeded randomness and set
// loads: of two backends the idle one must always win, of three the strictly busiest must never be
// chosen and the others must win as often as two distinct random samples predict, equal loads must
// spread evenly, and the same seed must give the same choices.
//
// Check it: dotnet run twins/07-load-balancing.cs -- --check 07.3
//
// Exercise 07.3: Power of two choices, two different backends
public sealed class TwoDistinctChoices : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        // TODO: sample two DIFFERENT backends with random and return the one with fewer outstanding requests.
        throw new NotImplementedException();
    }
}
