using System.Net;
using Workbook.Networking;

namespace Workbook.Tests.Networking;

public sealed class LoadGeneratorTests : LoopbackTest
{
    [Theory]
    [InlineData(8, 1000)]
    [InlineData(7, 1001)]
    [InlineData(16, 5)]
    [InlineData(1, 50)]
    public async Task RunAsync_TotalRequests_SendsAndCountsExactlyThatMany(int clients, int total)
    {
        DemoServer server = await StartServerAsync();

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/fast"), total, clients)).WaitAsync(Timeout);

        Assert.Equal(total, result.Requests);
        Assert.Equal(total, server.Stats.RequestsServed);
        Assert.Equal((0L, (long)total), (result.Errors, result.Successes));
        Assert.Equal(total, result.StatusCodes[200]);
        Assert.Equal(total, result.ByBackend["demo"]);
        Assert.Equal(3L * total, result.BytesReceived); // "ok\n" each
        Assert.Equal(total, result.Intervals.Sum(i => i.Completions));
        Assert.Equal(total, result.Latency!.Count);
    }

    [Fact]
    public async Task RunAsync_AnyRun_PercentilesAreOrdered()
    {
        DemoServer server = await StartServerAsync();

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/fast"), 500, 4)).WaitAsync(Timeout);

        Assert.True(result.P50 > TimeSpan.Zero);
        Assert.True(result.P50 <= result.P90, $"p50 {result.P50} > p90 {result.P90}");
        Assert.True(result.P90 <= result.P99, $"p90 {result.P90} > p99 {result.P99}");
        Assert.True(result.P99 <= result.P999, $"p99 {result.P99} > p99.9 {result.P999}");
        Assert.True(result.P999 <= result.Max, $"p99.9 {result.P999} > max {result.Max}");
    }

    [Fact]
    public async Task RunAsync_SharedClient_OpensNoMoreConnectionsThanClients()
    {
        const int clients = 6;
        DemoServer server = await StartServerAsync();

        await LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/fast"), 600, clients)).WaitAsync(Timeout);

        Assert.InRange(server.Stats.ConnectionsAccepted, 1, clients);
    }

    [Fact]
    public async Task RunAsync_FaultyServer_CountsEveryRequestAsAnHttp500Error()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { Faulty = true });

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/fast"), 200, 4)).WaitAsync(Timeout);

        Assert.Equal((200L, 200L), (result.Requests, result.Errors));
        Assert.Equal(200, result.ErrorsByKind["HTTP 500"]);
        Assert.Null(result.Latency);
        Assert.Equal(TimeSpan.Zero, result.P99);
        Assert.Equal(200, result.Intervals.Sum(i => i.Errors));
    }

    [Fact]
    public async Task RunAsync_RoundRobinOverAFarm_BackendCountsSumToTheTotalAndSplitEvenly()
    {
        DemoServerGroup farm = await StartServersAsync(3, (i, o) => o with { Faulty = i == 2 });
        IReadOnlyList<Uri> urls = farm.Urls("/fast");
        long next = -1;
        var options = new LoadOptions
        {
            RequestFactory = () => new HttpRequestMessage(HttpMethod.Get, urls[(int)(Interlocked.Increment(ref next) % urls.Count)]),
            TotalRequests = 900,
            Concurrency = 9,
        };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.Equal(900, result.ByBackend.Values.Sum());
        Assert.Equal(new Dictionary<string, long> { ["backend0"] = 300, ["backend1"] = 300, ["backend2"] = 300 }, result.ByBackend);
        Assert.Equal(300, result.Errors); // every answer of the faulty backend2
        Assert.Equal(300, result.ErrorsByKind["HTTP 500"]);
    }

    [Fact]
    public async Task RunAsync_Duration_StopsStartingAfterItAndCountsWhatTheServerServed()
    {
        DemoServer server = await StartServerAsync();
        TimeSpan duration = TimeSpan.FromMilliseconds(300);

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.For(server.Url("/fast"), duration, 4)).WaitAsync(Timeout);

        Assert.True(result.Requests > 0);
        Assert.Equal(result.Requests, server.Stats.RequestsServed);
        Assert.True(result.Elapsed >= duration, $"the run ended after {result.Elapsed}, before its {duration}");
        Assert.Equal(result.Requests, result.ToThroughputSnapshot().Buckets.Sum(b => b.Count));
    }

    [Fact]
    public async Task RunAsync_RequestSlowerThanTheTimeout_IsCountedAsTimeout()
    {
        DemoServer server = await StartServerAsync();
        var options = LoadOptions.Requests(server.Url("/delay?ms=60000"), 4, 4) with { RequestTimeout = TimeSpan.FromMilliseconds(200) };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.Equal((4L, 4L), (result.Requests, result.Errors));
        Assert.Equal(4, result.ErrorsByKind["timeout"]);
        await WaitUntilAsync(() => server.Stats.InFlight == 0, "the server has let go of the abandoned requests");
    }

    [Fact]
    public async Task RunAsync_NothingListening_CountsConnectionErrors()
    {
        DemoServer server = await DemoServer.StartAsync().WaitAsync(Timeout);
        Uri gone = server.Url("/fast");
        await server.DisposeAsync().AsTask().WaitAsync(Timeout);

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.Requests(gone, 10, 2)).WaitAsync(Timeout);

        Assert.Equal((10L, 10L), (result.Requests, result.Errors));
        Assert.Equal(10, result.ErrorsByKind["HttpRequestException (ConnectionError)"]);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsAndLeavesNothingInFlight()
    {
        DemoServer server = await StartServerAsync();
        using var cancel = new CancellationTokenSource();
        Task<LoadResult> run = LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/delay?ms=60000"), 100, 4), cancel.Token);
        await WaitUntilAsync(() => server.Stats.InFlight == 4, "four requests are in flight");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout));
        await WaitUntilAsync(() => server.Stats.InFlight == 0, "the server has let go of the cancelled requests");
    }

    [Fact]
    public async Task RunAsync_OpenLoop_SendsExactlyTheScheduledRequests()
    {
        DemoServer server = await StartServerAsync();
        var options = new LoadOptions { Url = server.Url("/fast"), RequestsPerSecond = 1000, TotalRequests = 200, Concurrency = 8 };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.Equal(200, result.Requests);
        Assert.Equal(200, server.Stats.RequestsServed);
        Assert.StartsWith("open loop", result.Mode);
        Assert.InRange(server.Stats.ConnectionsAccepted, 1, 8);
    }

    [Fact]
    public async Task RunAsync_WrapHandler_SeesEveryRequest()
    {
        DemoServer server = await StartServerAsync();
        CountingHandler? wrapper = null;
        var options = LoadOptions.Requests(server.Url("/fast"), 120, 3) with { WrapHandler = inner => wrapper = new CountingHandler(inner) };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.Equal(120, wrapper!.Count);
        Assert.Equal(120, result.Requests);
    }

    [Fact]
    public async Task RunAsync_PostFactory_EchoesBodies()
    {
        DemoServer server = await StartServerAsync();
        var options = new LoadOptions
        {
            RequestFactory = () => new HttpRequestMessage(HttpMethod.Post, server.Url("/echo")) { Content = new ByteArrayContent(new byte[1000]) },
            TotalRequests = 40,
            Concurrency = 4,
        };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.Equal(0, result.Errors);
        Assert.Equal(40_000, result.BytesReceived);
    }

    [Fact]
    public async Task ToString_AfterARun_ShowsThroughputPercentilesAndBackends()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { Name = "solo" });

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.Requests(server.Url("/fast"), 20, 2)).WaitAsync(Timeout);

        string text = result.ToString();
        Assert.Contains("closed loop, 2 clients, raw sockets: 20 requests", text);
        Assert.Contains("p99.9", text);
        Assert.Contains("backends: solo 20", text);
    }

    public static TheoryData<LoadOptions> InvalidOptions => new()
    {
        new LoadOptions { TotalRequests = 1 },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), RequestFactory = () => new HttpRequestMessage(), TotalRequests = 1 },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/") },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 1, Duration = TimeSpan.FromSeconds(1) },
        new LoadOptions { Url = new Uri("ftp://127.0.0.1/"), TotalRequests = 1 },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 0 },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 1, Concurrency = 0 },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 1, RequestTimeout = TimeSpan.Zero },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 1, RequestsPerSecond = -5 },
        new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), Duration = TimeSpan.FromSeconds(-1) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task RunAsync_InvalidOptions_IsRejectedWithArgumentException(LoadOptions options) =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => LoadGenerator.RunAsync(options).WaitAsync(Timeout));

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
