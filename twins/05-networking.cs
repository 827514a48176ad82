#:project ../lib/Workbook/Workbook.csproj
#:property PublishAot=false
#:property ImplicitUsings=disable

// 05 · Networking, as a C# file-based app: the twin of notebooks/05-networking.ipynb.
// Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins notebooks/05-networking.ipynb`;
// regenerate it rather than editing it, except the exercise classes at the end of the file.
//
// Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
//     dotnet run twins/05-networking.cs    every demonstration; charts go to out/twins/05-networking/
//     dotnet run twins/05-networking.cs -- --check                only the exercise checks, after you edit a class at the end
//     dotnet run twins/05-networking.cs -- --check 05.1 --hint 2   one exercise; a failed check prints hint 2
//
// Names changed from the notebook (a program's top-level code is one scope, a notebook's cells are not):
//     cell 6: users → users2 (a top-level variable has its name)

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
using Workbook.Networking;
using Workbook.NetworkingExercises;

Twin.Start("05-networking", "05 · Networking", args);

// With --check, only the exercise checks run (the classes they check are at the end of this file).
if (Twin.ChecksOnly)
{
    Twin.Check("05.1", () => new BoundedFetcher());
    Twin.Check("05.2", () => new PooledClientSource());
    Twin.Done();
    return;
}

// # 05 · Networking
//
// Most concurrent programs are network programs: a web server juggling thousands of connections, a
// service calling ten others, a crawler fetching pages. Almost all of that time is spent **waiting**
// for bytes, not computing. The Python article this workbook follows recommends `aiohttp`/`httpx` for
// this; in .NET the counterparts are **Kestrel** (ASP.NET Core's server) and **`HttpClient`** over
// `SocketsHttpHandler`, both asynchronous all the way down to the socket.
//
// Everything here runs on loopback (127.0.0.1) against a small Kestrel server the library starts inside
// the notebook, so the numbers measure your machine, not the internet.
//
// **You will learn**
//
// - how throughput and tail latency (p99) respond to more concurrent clients, and where they saturate;
// - why a server whose requests *await* 100 ms can serve hundreds of them at once with a handful of threads;
// - why blocking calls eat thread-pool threads, with the growth measured;
// - how to use `HttpClient` right (one shared client, pooled connections) and what the classic mistake costs in sockets;
// - how to frame a protocol over a raw TCP stream with `System.IO.Pipelines`;
// - how a server should answer bad input (413, 400) and keep serving.

Twin.Section("A Kestrel server in a cell");
// ## A Kestrel server in a cell
//
// `DemoServer.StartAsync()` starts Kestrel inside this process, bound to **127.0.0.1 port 0**: the
// kernel picks a free port, so two notebooks never collide, and nothing outside this machine can reach
// it. It serves `/fast` (a tiny reply), `/delay?ms=N` (awaits N ms, holding no thread), `/cpu`,
// `POST /echo`, and `/stats` (its own counters). We keep this one server for the whole chapter and
// dispose it in the section *Shutting down*.

Twin.Cell(4);
var server = await DemoServer.StartAsync();
Console.WriteLine(server);
Console.WriteLine(SocketCensus.Count(server.Port));
Claim.That(server.BaseAddress.Host == "127.0.0.1", "the server listens on loopback only (127.0.0.1)");
Claim.That(SocketCensus.IsListening(server.Port) || !SocketCensus.IsSupported, "the kernel shows a listening socket on its port");

// > Try `SocketCensus.Count(server.Port)` again after the next sections: the listener is still 1, but
// > established and TIME_WAIT sockets come and go.
//
Twin.Section("Throughput and p99 against concurrency");
// ## Throughput and p99 against concurrency
//
// `LoadGenerator.RunAsync` drives a URL with a fixed number of concurrent **virtual users**: each
// sends a request, waits for the answer, sends the next. With one user the server idles between
// requests; with more, the requests overlap and throughput climbs until some resource (here: the two
// cores, shared by client *and* server) is saturated. From then on, extra users only **queue**:
// throughput stays flat while p99 latency grows roughly in proportion to the number of users
// (Little's law: latency ≈ users / throughput).
//
// Each virtual user keeps one TCP connection open and writes the same ready-made `GET` bytes on it,
// reading the answer straight off the socket, as `wrk` does: a lean client leaves more of the two
// cores to the server. A fixed-rate *open loop* (`RequestsPerSecond`, used in the capstone) and custom
// requests (`RequestFactory`) go through one shared `HttpClient` instead; `LoadOptions.Client` chooses,
// and each result's first line says which client ran.

Twin.Cell(6);
int[] levels = [1, 4, 16, 64, 256];
var sweep = new List<LoadResult>();
foreach (int users2 in levels)
    sweep.Add(await LoadGenerator.RunAsync(LoadOptions.For(server.Url("/fast"), TimeSpan.FromSeconds(0.8), users2)));
foreach (var r in sweep)
    Console.WriteLine($"{r.Concurrency,4} users: {r.Throughput,8:N0} req/s, p50 {r.P50.TotalMilliseconds,6:N2} ms, p99 {r.P99.TotalMilliseconds,7:N2} ms, errors {r.Errors}");
Claim.That(sweep.All(r => r.Errors == 0), "every request of the sweep succeeded");

Twin.Cell(7);
Twin.Show(Plot.Line(Series.Of("throughput", sweep.Select(r => ((double)r.Concurrency, r.Throughput))),
    "/fast: throughput flattens once the cores are busy", "concurrent users (log)", "requests per second", logX: true));

Twin.Cell(8);
Twin.Show(Plot.Line(Series.Of("p99", sweep.Select(r => ((double)r.Concurrency, r.P99.TotalMilliseconds))),
    "/fast: past saturation, more users only means more waiting", "concurrent users (log)", "p99 latency (ms, log)", logX: true, logY: true));

Twin.Cell(9);
var best = sweep.MaxBy(r => r.Throughput)!;
Console.WriteLine($"256 users vs 1 user: throughput × {sweep[^1].Throughput / sweep[0].Throughput:N1}, p99 × {sweep[^1].P99 / sweep[0].P99:N0}");
Console.WriteLine($"peak {best.Throughput:N0} req/s at {best.Concurrency} users; Little's law predicts p50 at 256 users ≈ {256 / sweep[^1].Throughput * 1000:N1} ms, measured {sweep[^1].P50.TotalMilliseconds:N1} ms");

// What to see: the first chart rises steeply from 1 to 4–16 users and then stays roughly flat; the
// second stays low until the same point and then climbs steeply. Beyond saturation you buy nothing
// with more concurrency except latency. Real servers therefore cap in-flight work (exercise 05.1).
//
// > Try `/cpu?iterations=200000` instead of `/fast`: the plateau arrives earlier and lower, because
// > each request now needs real core time.
//
Twin.Section("Waiting costs no thread: 100 ms requests, up to 1,000 at once");
// ## Waiting costs no thread: 100 ms requests, up to 1,000 at once
//
// `/delay?ms=100` awaits a timer before answering. While it waits it holds **no thread**: the request
// is a small object in memory and a timer entry. So the server's capacity is bounded by how many
// requests can *wait* at once, not by cores: with `c` users each needing 100 ms, the ideal throughput
// is `c / 0.1 s`. Each level below sends three waves (3 × `c` requests).

Twin.Cell(11);
int[] users = [1, 10, 50, 100, 250, 500, 1000];
var waits = new List<LoadResult>();
var sw = Stopwatch.StartNew();
foreach (int c in users)
    waits.Add(await LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/delay?ms=100"), 3 * c, c)));
foreach (var r in waits)
    Console.WriteLine($"{r.Concurrency,5} users: {r.Throughput,7:N0} req/s (ideal {r.Concurrency / 0.1,7:N0}, {r.Throughput / (r.Concurrency / 0.1):P0}), p99 {r.P99.TotalMilliseconds:N0} ms, errors {r.Errors}");
Console.WriteLine($"whole sweep: {sw.Elapsed.TotalSeconds:N1} s; pool threads now {ThreadPool.ThreadCount}");
Claim.That(waits.All(r => r.Errors == 0), "all requests to /delay succeeded, even at 1,000 concurrent connections");

Twin.Cell(12);
var ceiling = sweep.Max(r => r.Throughput); // the best /fast throughput: what the two cores can parse and answer
Twin.Show(Plot.Line([Series.Of("measured", waits.Select(r => ((double)r.Concurrency, r.Throughput))),
           Series.Of("CPU ceiling (best /fast)", users.Select(c => ((double)c, ceiling)))],
    "/delay?ms=100: throughput follows c / 0.1 s until the CPU ceiling", "concurrent connections (log)", "requests per second (log)",
    ideal: Series.Of("ideal: c / 0.1 s", users.Select(c => ((double)c, c / 0.1))), logX: true, logY: true));

// What to see: the measured line hugs the dashed ideal while `c / 0.1 s` is far below the CPU ceiling
// (1 to about 100 connections), then bends over and runs along the ceiling: 1,000 connections each
// waiting 100 ms never ran out of threads (the pool stayed at a dozen or so), they ran out of **CPU**,
// because every request still costs HTTP parsing and a socket write on both ends, and client and
// server share the same two cores. The whole sweep to 1,000 connections takes a few seconds, so we go
// all the way. A thread-per-request server would have needed 1,000 threads (about 1 MB of stack
// reserved each) to hold the same waits.
//
// > Try `ms=20`: the ideal rises five-fold, and the CPU cost per request becomes visible sooner.
//
Twin.Section("A blocking client against an async client");
// ## A blocking client against an async client
//
// Now the same idea on the **client** side. `BlockingVsAsync.CompareAsync` sends the same batch of
// 20 concurrent `/delay?ms=100` requests twice: once awaiting `SendAsync`, once calling the synchronous
// `Send` inside `Task.Run`. A blocked call parks its pool thread until the answer arrives, so 20
// waiting requests need 20 threads. The pool starts with about one thread per core and adds more
// only slowly (a deliberate throttle, roughly one or two per second once it is past its minimum), so
// the blocking batch is held up by thread injection, and our server, running in the same pool, is
// starved too.

Twin.Cell(14);
var (asyncRun, blockingRun) = await BlockingVsAsync.CompareAsync(server.Url("/delay?ms=100"), 20);
Console.WriteLine(asyncRun);
Console.WriteLine(blockingRun);
Console.WriteLine($"blocking / async: time × {blockingRun.Elapsed / asyncRun.Elapsed:N1}, busy pool threads {blockingRun.PeakBusy} vs {asyncRun.PeakBusy}");
Claim.That(asyncRun.Failures == 0 && blockingRun.Failures == 0, "both batches completed every request");

Twin.Cell(15);
Twin.Show(Plot.GroupedBar(new (string, string, double)[] {
    ("async", "elapsed (s)", asyncRun.Elapsed.TotalSeconds), ("blocking", "elapsed (s)", blockingRun.Elapsed.TotalSeconds),
    ("async", "peak busy pool threads", asyncRun.PeakBusy), ("blocking", "peak busy pool threads", blockingRun.PeakBusy) },
    "20 requests of 100 ms: blocking needs a thread per wait", "measure", "seconds / threads"));

// What to see: the async batch finishes in a little over 100 ms with one or two busy threads; the
// blocking batch holds a thread for every request in flight and takes **seconds** instead of a tenth of
// one (20× to 100× across runs on a 2-core machine), because the pool has to grow thread by thread to
// let them all wait, and our server, whose continuations need the same pool, is starved meanwhile. In a real server this is **thread-pool starvation**: a few
// `.Result` or `Send` calls under load, and every other request queues behind them.
//
// > Try 8 requests instead of 20 (pool threads may be enough already, so the gap shrinks), or plot
// > `Plot.Line([asyncRun.ToSeries(), blockingRun.ToSeries()], "pool threads", "seconds", "threads")`.
//
Twin.Section("HttpClient done right");
// ## HttpClient done right
//
// `HttpClient` is a thin front for a **handler** that owns a pool of TCP connections. Create one client
// (or one `SocketsHttpHandler`) and share it for the life of the program: it is thread-safe, and its
// pool reuses connections (HTTP keep-alive) instead of paying a TCP handshake per request. Set
// `PooledConnectionLifetime` so long-lived connections are recycled now and then (DNS changes are
// seen), and `MaxConnectionsPerServer` if you must not open too many to one host:

Twin.Cell(17);
var shared = new HttpClient(new SocketsHttpHandler
{
    PooledConnectionLifetime = TimeSpan.FromMinutes(2), // recycle connections, so DNS changes are picked up
    MaxConnectionsPerServer = 8,                        // at most 8 sockets to any one host
    UseProxy = false,
});
Console.WriteLine(await shared.GetStringAsync(server.Url("/fast")));
shared.Dispose();

// The classic mistake is `using var client = new HttpClient();` **per request**. Each one opens a new
// connection and, when disposed, closes it; the side that closes first keeps the socket in
// **TIME_WAIT** for about a minute, holding a local port. Under load that exhausts the ~28,000
// ephemeral ports and requests start failing with "address already in use". `ClientReuse.CompareAsync`
// sends the same 300 requests with 4 concurrent workers both ways and counts connections at the server
// and TIME_WAIT sockets in the kernel's table.

Twin.Cell(19);
var reuse = await ClientReuse.CompareAsync(server, requests: 300, concurrency: 4);
Console.WriteLine(reuse);
Console.WriteLine($"per request / shared: connections × {reuse.ConnectionRatio:N0}, time × {reuse.SlowdownRatio:N1}");
Claim.That(reuse.Shared.ConnectionsOpened <= 4, "the shared client opened at most `concurrency` (4) connections");
Claim.That(reuse.PerRequest.ConnectionsOpened == 300, "a client per request opened one connection per request");

Twin.Cell(20);
Twin.Show(Plot.GroupedBar(new (string, string, double)[] {
    ("shared client", "connections opened", reuse.Shared.ConnectionsOpened), ("client per request", "connections opened", reuse.PerRequest.ConnectionsOpened),
    ("shared client", "TIME_WAIT sockets", reuse.Shared.SocketsInTimeWait ?? 0), ("client per request", "TIME_WAIT sockets", reuse.PerRequest.SocketsInTimeWait ?? 0) },
    "300 requests: one shared client vs a client per request", "what the kernel saw", "sockets"));

// What to see: the shared client's bars are a handful (one connection per concurrent worker, reused
// all along); the per-request bars are about 300 each: every request paid a handshake and left a
// TIME_WAIT socket behind that will linger for a minute. (`IHttpClientFactory` in ASP.NET Core apps
// does the sharing and recycling for you.)
//
// > Try `SocketCensus.Count(server.Port)` now and again in a minute: the TIME_WAIT count drains by itself.
//
Twin.Section("Framing a protocol over a raw socket");
// ## Framing a protocol over a raw socket
//
// TCP delivers a **stream of bytes**, not messages: one `send` may arrive in two reads, two sends
// in one. A protocol therefore needs **framing**; the simplest is "one message per line". The
// `LineServer` reads each connection through a `PipeReader` (`System.IO.Pipelines`): it asks for
// bytes, looks for `\n` in what it has, replies to each complete line, and tells the pipe how far it
// **consumed** (up to the last newline) and how far it **examined** (everything), so the next read waits
// for more bytes instead of spinning on a half line. The lookup uses a `SequenceReader<byte>`, which
// walks a `ReadOnlySequence<byte>` that may span several buffers without copying them into one
// array; `TryReadTo(out line, (byte)'\n')` either finds a whole line or leaves the reader untouched.
// A line longer than the limit gets an error and the connection is closed, so a client cannot make the
// server buffer unbounded bytes.
//
// Below, `ECHO a`, `UPPER b` and `QUIT` are sent in three writes cut in the middle of words:

Twin.Cell(22);
var lines = LineServer.Start();
var pieces = new[] { "EC", "HO a\nUPP", "ER b\nSUM 1 2 3\nQUIT\n" };
string replies = await RawTcp.ExchangeAsync(lines.Port, pieces, TimeSpan.FromMilliseconds(20)).WaitAsync(TimeSpan.FromSeconds(10));
Console.WriteLine(string.Join(" | ", replies.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
Console.WriteLine(lines);
Claim.That(replies == "a\nB\n6\nBYE\n", "a frame split across writes is parsed as if it came in one piece");
await lines.DisposeAsync();

// > Try sending `new string('x', 5000) + "\n"`: the server answers `ERR line too long` and hangs up.
//
Twin.Section("Bad input: 413, 400, and keep serving");
// ## Bad input: 413, 400, and keep serving
//
// A server on a network will receive junk: bodies far larger than anything sensible, or bytes that are
// not HTTP at all. It must refuse them cheaply, with the right status code, and **keep serving
// everyone else**. The demo server limits bodies to 64 KiB (`413 Payload Too Large`); Kestrel itself
// answers `400 Bad Request` to a malformed request line and closes that connection.

Twin.Cell(24);
var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
var big = await http.PostAsync(server.Url("/echo"), new ByteArrayContent(new byte[100 * 1024]));
string garbage = await RawTcp.ExchangeAsync(server.Port, ["HELLO SERVER, ARE YOU THERE?\r\n\r\n"], TimeSpan.Zero).WaitAsync(TimeSpan.FromSeconds(10));
var after = await http.GetAsync(server.Url("/fast"));
Console.WriteLine($"100 KiB body: {(int)big.StatusCode}; garbage: {garbage.Split('\r')[0]}; then /fast: {(int)after.StatusCode}");
Claim.That((int)big.StatusCode == 413, "a body over the 64 KiB limit gets 413");
Claim.That(RawTcp.StatusOf(garbage) == 400, "a malformed request gets 400");
Claim.That(after.IsSuccessStatusCode, "the server keeps serving after bad input");
http.Dispose();

// > Try a small body (`new byte[1000]`): `/echo` sends it back, 200.
//
Twin.Section("Shutting down");
// ## Shutting down
//
// Everything we started is disposed: the HTTP clients above already were, the line server too, and now
// the Kestrel server. Its listening socket must be gone from the kernel's table.

Twin.Cell(26);
Console.WriteLine(server.Stats);
int port = server.Port;
await server.DisposeAsync();
Console.WriteLine(SocketCensus.Count(port));
Claim.That(!SocketCensus.IsListening(port), "after DisposeAsync nothing listens on the server's port");

Twin.Section("Exercises");
// ## Exercises
//
// Each checker starts its own server on loopback, sends a bounded number of requests through your
// code, reads the server's counters and disposes it again.
//
Twin.Section("05.1 A client that respects a concurrency limit", level: 3);
// ### 05.1 A client that respects a concurrency limit
//
// Implement `IBoundedFetcher.GetAllAsync(client, urls, maxInFlight, ct)`: GET every URL with the given
// `client`, **never more than `maxInFlight` at once, but up to that many**, and return the status codes
// in the order of `urls`. A request that fails without a response (`HttpRequestException`) counts as
// status `0` and must not stop the others. Pass `ct` on. The checker reads the server's `PeakInFlight`.

Twin.Cell(29);
Twin.Check("05.1", () => new BoundedFetcher());

Twin.Cell(30);
Twin.Hint("05.1");

Twin.Section("05.2 Fix socket exhaustion", level: 3);
// ### 05.2 Fix socket exhaustion
//
// Implement `IClientSource`: its `Client` property is what the checker uses for **every** request it
// sends (it reads the property each time). Make all of those requests share connections: one
// `SocketsHttpHandler` for the life of the source, with `PooledConnectionLifetime` set and
// `MaxConnectionsPerServer = 4`; `Dispose` releases it. The checker sends 60 requests from 8 concurrent
// workers and requires the server to have accepted at most 4 connections.

Twin.Cell(33);
Twin.Check("05.2", () => new PooledClientSource());

Twin.Cell(34);
Twin.Hint("05.2");

Twin.Section("Recap");
// ## Recap
//
// - Network work is mostly **waiting**. Awaited I/O holds no thread, so one Kestrel process served
//   1,000 concurrent 100 ms requests close to the ideal `c / 0.1 s` with a few pool threads.
// - Past saturation, more concurrency adds only latency (Little's law); cap in-flight work.
// - **Blocking** calls (`.Result`, `Send`) hold a pool thread each while they wait, and the pool grows
//   slowly: the blocking batch of 20 took seconds instead of ~0.1 s and starved the server in the same process.
// - **Share one `HttpClient`** (one `SocketsHttpHandler`) with `PooledConnectionLifetime`; a client per
//   request opens a connection per request and leaves a TIME_WAIT socket behind each time.
// - TCP is a byte stream: **frame** your messages. `System.IO.Pipelines` handles the buffering, and a
//   frame split across writes is parsed correctly.
// - Refuse bad input cheaply (413, 400) and keep serving; dispose servers so no port outlives you.
//
// Previous: [04 · Iterators as coroutines](04-iterators-as-coroutines.ipynb). Next: [06 · Queues](06-queues.ipynb).

Twin.Done();

// ─────────────────────────────────────────────────────────────────────────────────────────
// The types the notebook's cells declare. A C# file puts them after all its top-level code,
// so they are gathered here, in notebook order; the exercise classes you edit are among them.

// ═══ Exercise 05.1 (notebook cell 28) ═══
// ## Exercises
//
// Each checker starts its own server on loopback, sends a bounded number of requests through your
// code, reads the server's counters and disposes it again.
//
// ### 05.1 A client that respects a concurrency limit
//
// Implement `IBoundedFetcher.GetAllAsync(client, urls, maxInFlight, ct)`: GET every URL with the given
// `client`, **never more than `maxInFlight` at once, but up to that many**, and return the status codes
// in the order of `urls`. A request that fails without a response (`HttpRequestException`) counts as
// status `0` and must not stop the others. Pass `ct` on. The checker reads the server's `PeakInFlight`.
//
// Check it: dotnet run twins/05-networking.cs -- --check 05.1
//
// Exercise 05.1: A client that respects a concurrency limit
public sealed class BoundedFetcher : IBoundedFetcher
{
    public async Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct)
    {
        // TODO: start every request, but let at most maxInFlight be in flight at once
        // (a SemaphoreSlim is one way); return the status codes in input order, 0 for a failed request.
        throw new NotImplementedException();
    }
}

// ═══ Exercise 05.2 (notebook cell 32) ═══
// ### 05.2 Fix socket exhaustion
//
// Implement `IClientSource`: its `Client` property is what the checker uses for **every** request it
// sends (it reads the property each time). Make all of those requests share connections: one
// `SocketsHttpHandler` for the life of the source, with `PooledConnectionLifetime` set and
// `MaxConnectionsPerServer = 4`; `Dispose` releases it. The checker sends 60 requests from 8 concurrent
// workers and requires the server to have accepted at most 4 connections.
//
// Check it: dotnet run twins/05-networking.cs -- --check 05.2
//
// Exercise 05.2: Fix socket exhaustion
public sealed class PooledClientSource : IClientSource
{
    // TODO: create one SocketsHttpHandler (PooledConnectionLifetime, MaxConnectionsPerServer = 4)
    // and one HttpClient over it, once, and return that same client every time.
    public HttpClient Client => throw new NotImplementedException();

    public void Dispose() { }
}
