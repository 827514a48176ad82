using Workbook.Balancing.Farm;
using Workbook.Networking;
using Workbook.Tests.Processes;

namespace Workbook.Tests.Reliability;

/// <summary>
/// Load held: the networking chapter's server and the load-balancing chapter's reverse proxy each
/// answer 100,000 requests over 256 concurrent connections, the server a burst of 10,000 simultaneous connections to its 100 ms endpoint with zero
/// errors, and afterwards no socket is left open on its port. Counts only; the time these take is
/// the benchmark command's business. Category "Long": CI runs them; filter them out locally with
/// <c>--filter Category!=Long</c>.
/// </summary>
[Trait("Category", "Long")]
[Collection(LongLoadCollection.Name)]
public class LoadHeldTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task DemoServer_100kRequestsOver256Connections_ZeroErrorsAndNoSocketLeft()
    {
        int port;
        LoadResult result;
        await using (var server = await DemoServer.StartAsync().WaitAsync(Bound))
        {
            port = server.Port;
            result = await LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/fast"), 100_000, concurrency: 256)).WaitAsync(Bound);
            Assert.Equal(0, EstablishedOnceSettled(port));
        }

        Assert.Equal(100_000, result.Requests);
        Assert.Equal(0, result.Errors);
        Assert.Equal(100_000, result.StatusCodes.GetValueOrDefault(200));
        AssertNothingLeft(port);
    }

    [Fact]
    public async Task ReverseProxy_100kRequestsOver256Connections_ZeroErrorsEveryBackendUsedNoSocketLeft()
    {
        int proxyPort;
        int[] backendPorts;
        LoadResult result;
        ProxyStats stats;
        await using (var farm = await BackendFarm.StartAsync(new FarmOptions { Backends = 3, Latency = TimeSpan.Zero }).WaitAsync(Bound))
        {
            backendPorts = [.. farm.Select(b => b.Port)];
            await using (var proxy = await LoadBalancingProxy.StartAsync(farm, new ProxyOptions { Policy = "least-connections" }).WaitAsync(Bound))
            {
                proxyPort = proxy.Port;
                result = await LoadGenerator.RunAsync(LoadOptions.Requests(proxy.Url("/fast"), 100_000, concurrency: 256)).WaitAsync(Bound);
                stats = proxy.Stats;
            }

            Assert.Equal(100_000, farm.RequestsServed.Sum());
            Assert.All(farm.RequestsServed, served => Assert.True(served > 0, $"a backend served nothing: {string.Join("/", farm.RequestsServed)}"));
        }

        Assert.Equal(100_000, result.Requests);
        Assert.True(result.Errors == 0, $"{result.Errors} errors: {string.Join(", ", result.ErrorsByKind.Select(e => $"{e.Key} {e.Value}"))}; proxy: {stats}");
        Assert.Equal(100_000, result.StatusCodes.GetValueOrDefault(200));
        AssertNothingLeft(proxyPort);
        Assert.All(backendPorts, AssertNothingLeft);
    }

    [Fact]
    public async Task DemoServer_10kConnectionBurstOnDelayEndpoint_EveryRequestAnsweredAndNoSocketLeft()
    {
        int port, pid;
        LoadResult result;
        // The server runs in a process of its own: 10,000 connections need 10,000 descriptors on each
        // side, and one process may hold only 20,000 on these machines.
        await using (var server = await ServerChildProcess.StartAsync())
        {
            (port, pid) = (server.Port, server.ProcessId);
            var burst = LoadOptions.Requests(server.Url("/delay?ms=100"), 10_000, concurrency: 10_000) with
            {
                // A burst overflows the listen backlog; the kernel makes clients retry their SYN after
                // 1 s, 3 s, 7 s..., so a request may take several seconds without anything failing.
                RequestTimeout = TimeSpan.FromSeconds(60),
            };
            result = await LoadGenerator.RunAsync(burst).WaitAsync(Bound);
            Assert.Equal(0, EstablishedOnceSettled(port));
        }

        Assert.Equal(10_000, result.Requests);
        Assert.True(result.Errors == 0, $"{result.Errors} errors: {string.Join(", ", result.ErrorsByKind.Select(e => $"{e.Key} {e.Value}"))}");
        Assert.Equal(10_000, result.StatusCodes.GetValueOrDefault(200));
        AssertNothingLeft(port);
        Assert.False(ChildProcesses.IsAlive(pid), $"the server child {pid} is still running");
    }

    // Closing is asynchronous on both sides: right after the clients close, a loaded machine may not yet
    // have processed every FIN. A socket that is really leaked stays open, so wait (bounded) for the
    // count to settle at zero and assert on what is left then.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    private static int EstablishedOnceSettled(int port)
    {
        PollUntil(() => (SocketCensus.Count(port)?.Established ?? 0) == 0);
        return SocketCensus.Count(port)?.Established ?? 0;
    }

    // Reading the socket tables is not free with 10,000 entries: look ten times a second.
    private static void PollUntil(Func<bool> settled)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!settled() && clock.Elapsed < Settle)
        {
            Thread.Sleep(100);
        }
    }

    private static void AssertNothingLeft(int port)
    {
        PollUntil(() => SocketCensus.Count(port) is not { } c || (c.Listening == 0 && c.Established == 0));
        SocketCount? count = SocketCensus.Count(port);
        Assert.True(count is null || (count.Listening == 0 && count.Established == 0), $"left behind: {count}");
    }
}

/// <summary>Load tests run one at a time: each wants both cores and thousands of sockets.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LongLoadCollection
{
    public const string Name = "Long load";
}
