using System.Net;
using System.Net.Sockets;
using System.Text;
using Workbook.Balancing.Farm;
using Workbook.Networking;

namespace Workbook.Tests.Networking;

/// <summary>
/// The load generator's raw-socket client (<see cref="LoadClient.Sockets"/>): against the real demo
/// server and a round-robin proxy, and against <see cref="ScriptedHttpServer"/> answering with the
/// framings, splits, closes and silences a hand-written HTTP parser must survive. Where a situation has
/// an HttpClient counterpart the same test runs both clients: they must record the same outcome.
/// </summary>
public sealed class RawSocketLoadTests : LoopbackTest
{
    public static TheoryData<LoadClient> BothClients => new() { LoadClient.Sockets, LoadClient.HttpClient };

    [Theory]
    [InlineData(1, 50)]
    [InlineData(8, 1000)]
    [InlineData(7, 1001)]
    public async Task RunAsync_SocketsOnDemoServer_EveryRequestSucceedsWithItsBody(int clients, int total)
    {
        DemoServer server = await StartServerAsync();

        LoadResult result = await LoadGenerator.RunAsync(Options(server.Url("/fast"), total, LoadClient.Sockets, clients)).WaitAsync(Timeout);

        Assert.EndsWith("raw sockets", result.Mode);
        Assert.Equal((total, 0L), (result.Requests, result.Errors));
        Assert.Equal(total, result.StatusCodes[200]);
        Assert.Equal(3L * total, result.BytesReceived); // "ok\n" each
        Assert.Equal(total, result.ByBackend["demo"]);
        Assert.Equal(total, server.Stats.RequestsServed);
        Assert.InRange(server.Stats.ConnectionsAccepted, 1, clients);
    }

    [Fact]
    public async Task RunAsync_RoundRobinProxy_SocketsAndHttpClientCountTheSameBackends()
    {
        BackendFarm farm = await BackendFarm.StartAsync(new FarmOptions { Backends = 3, Latency = TimeSpan.Zero }).WaitAsync(Timeout);
        Own(farm, farm.Select(b => b.Port));
        LoadBalancingProxy proxy = await LoadBalancingProxy.StartAsync(farm, new ProxyOptions { Policy = "round-robin" }).WaitAsync(Timeout);
        Own(proxy, proxy.Port);

        LoadResult sockets = await LoadGenerator.RunAsync(Options(proxy.Url("/fast"), 300, LoadClient.Sockets, 6)).WaitAsync(Timeout);
        LoadResult http = await LoadGenerator.RunAsync(Options(proxy.Url("/fast"), 300, LoadClient.HttpClient, 6)).WaitAsync(Timeout);

        var even = new Dictionary<string, long> { ["backend0"] = 100, ["backend1"] = 100, ["backend2"] = 100 };
        Assert.Equal(even, sockets.ByBackend);
        Assert.Equal(http.ByBackend, sockets.ByBackend);
        Assert.Equal((0L, 0L), (sockets.Errors, http.Errors));
        Assert.Equal(http.BytesReceived, sockets.BytesReceived);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ChunkedBodyInSmallPieces_CountsTheDecodedBytes(LoadClient client)
    {
        // Chunk sizes 1 to 12 in hex of either case, some with extensions, then trailers.
        var body = new StringBuilder();
        int expected = 0;
        for (int size = 1; size <= 12; size++)
        {
            string hex = size % 2 == 0 ? size.ToString("x") : size.ToString("X");
            body.Append(hex).Append(size % 3 == 0 ? ";name=value" : "").Append("\r\n").Append('x', size).Append("\r\n");
            expected += size;
        }

        body.Append("0\r\nX-Checksum: 42\r\nX-More: yes\r\n\r\n");
        string response = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nx-backend: fake\r\n\r\n" + body;
        ScriptedHttpServer fake = Fake((c, t) => c.WriteInPiecesAsync(response, 5, t));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 4, client, 1)).WaitAsync(Timeout);

        Assert.Equal(0, result.Errors);
        Assert.Equal(4L * expected, result.BytesReceived);
        Assert.Equal(4, result.StatusCodes[200]);
        Assert.Equal(4, result.ByBackend["fake"]);
        Assert.Equal(1, fake.ConnectionsAccepted);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ContentLengthBodyAcrossWrites_CountsTheBody(LoadClient client)
    {
        // 6,000 bytes: more than the socket client's first buffer, in pieces that cut the head too.
        string response = "HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 6000\r\n\r\n" + new string('y', 6000);
        ScriptedHttpServer fake = Fake((c, t) => c.WriteInPiecesAsync(response, 1000, t));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 6, client, 2)).WaitAsync(Timeout);

        Assert.Equal(0, result.Errors);
        Assert.Equal(6 * 6000L, result.BytesReceived);
        Assert.InRange(fake.ConnectionsAccepted, 1, 2);
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\n\r\n", 204)]
    [InlineData("HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n", 304)]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200)]
    public async Task RunAsync_ResponsesWithoutBody_KeepTheConnectionInStep(string response, int status)
    {
        ScriptedHttpServer fake = Fake((c, t) => c.WriteAsync(response, t));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 5, LoadClient.Sockets, 1)).WaitAsync(Timeout);

        Assert.Equal(5, result.StatusCodes[status]);
        Assert.Equal(0, result.BytesReceived);
        Assert.Equal(1, fake.ConnectionsAccepted); // a body wrongly expected would have stalled or broken the connection
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ConnectionClose_ReconnectsForEveryRequest(LoadClient client)
    {
        ScriptedHttpServer fake = Own(ScriptedHttpServer.Start(async (c, t) =>
        {
            if (await c.ReadRequestAsync(t))
            {
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n", t);
            }
        }));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 20, client, 2)).WaitAsync(Timeout);

        Assert.Equal((20L, 0L), (result.Requests, result.Errors));
        Assert.Equal(60, result.BytesReceived);
        Assert.Equal(20, fake.ConnectionsAccepted);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ServerClosesIdleKeepAliveConnection_RetriedWithoutErrors(LoadClient client)
    {
        // Keep-alive is promised, yet the server hangs up after every answer: the next request on that
        // connection meets a closed socket before any response byte, which is the case worth one retry.
        ScriptedHttpServer fake = Own(ScriptedHttpServer.Start(async (c, t) =>
        {
            if (await c.ReadRequestAsync(t))
            {
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n", t);
            }
        }));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 10, client, 1)).WaitAsync(Timeout);

        Assert.Equal((10L, 0L), (result.Requests, result.Errors));
        Assert.Equal(30, result.BytesReceived);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ConnectionDiesAfterPartOfTheHead_NotRetried(LoadClient client)
    {
        // The first request is answered; the second gets half a status line, then the close.
        ScriptedHttpServer fake = Own(ScriptedHttpServer.Start(async (c, t) =>
        {
            if (await c.ReadRequestAsync(t))
            {
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n", t);
            }

            if (await c.ReadRequestAsync(t))
            {
                await c.WriteAsync("HTTP/1.1 2", t);
            }
        }));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 2, client, 1)).WaitAsync(Timeout);

        Assert.Equal((2L, 1L), (result.Requests, result.Errors));
        Assert.Equal(1, result.ErrorsByKind["HttpRequestException (ResponseEnded)"]);
        Assert.Equal(1, fake.ConnectionsAccepted);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_GarbageInsteadOfStatusLine_InvalidResponse(LoadClient client)
    {
        ScriptedHttpServer fake = Fake((c, t) => c.WriteAsync("garbage, not HTTP\r\n\r\n", t));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 3, client, 1)).WaitAsync(Timeout);

        Assert.Equal(3, result.Errors);
        Assert.Equal(3, result.ErrorsByKind["HttpRequestException (InvalidResponse)"]);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ServerClosesHalfwayThroughTheBody_RecordsTheSameLabelAsHttpClient(LoadClient client)
    {
        ScriptedHttpServer fake = Own(ScriptedHttpServer.Start(async (c, t) =>
        {
            if (await c.ReadRequestAsync(t))
            {
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + new string('z', 50), t);
            }
        }));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 3, client, 1)).WaitAsync(Timeout);

        Assert.Equal(3, result.Errors);
        Assert.Equal(3, result.StatusCodes[200]);
        Assert.Equal(3, result.ErrorsByKind[BodyEndedLabel]);
        Assert.Equal(150, result.BytesReceived);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_NoResponseWithinTheTimeout_TimeoutAndAFreshConnection(LoadClient client)
    {
        ScriptedHttpServer fake = Fake((_, t) => Task.Delay(Timeout, t));
        var options = Options(fake.Url(), 3, client, 1) with { RequestTimeout = TimeSpan.FromMilliseconds(200) };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.Equal(3, result.ErrorsByKind["timeout"]);
        Assert.Equal(3, fake.ConnectionsAccepted); // a timed-out connection is never reused
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_RefusedPort_ConnectionError(LoadClient client)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        LoadResult result = await LoadGenerator.RunAsync(Options(new Uri($"http://127.0.0.1:{port}/"), 4, client, 2)).WaitAsync(Timeout);

        Assert.Equal(4, result.ErrorsByKind["HttpRequestException (ConnectionError)"]);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ConnectionResetBeforeAnswering_RecordsTheSameLabelAsHttpClient(LoadClient client)
    {
        ScriptedHttpServer fake = Own(ScriptedHttpServer.Start(async (c, t) =>
        {
            if (await c.ReadRequestAsync(t))
            {
                c.Reset();
            }
        }));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 3, client, 1)).WaitAsync(Timeout);

        Assert.Equal(3, result.Errors);
        Assert.Equal(3, result.ErrorsByKind[ResetLabel]);
    }

    [Theory]
    [MemberData(nameof(BothClients))]
    public async Task RunAsync_ConnectionResetHalfwayThroughTheBody_RecordsTheSameLabelAsHttpClient(LoadClient client)
    {
        ScriptedHttpServer fake = Own(ScriptedHttpServer.Start(async (c, t) =>
        {
            if (await c.ReadRequestAsync(t))
            {
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + new string('z', 50), t);
                await Task.Delay(50, t);
                c.Reset();
            }
        }));

        LoadResult result = await LoadGenerator.RunAsync(Options(fake.Url(), 3, client, 1)).WaitAsync(Timeout);

        Assert.Equal(3, result.Errors);
        Assert.Equal(3, result.StatusCodes[200]);
        Assert.Equal(new Dictionary<string, long> { [BodyResetLabel] = 3 }, result.ErrorsByKind);
    }

    public static TheoryData<string, string> AutoChoices => new()
    {
        { "closed loop, GET of an http URL", "raw sockets" },
        { "open loop", "HttpClient" },
        { "request factory", "HttpClient" },
        { "wrapped handler", "HttpClient" },
        { "HttpClient asked for", "HttpClient" },
    };

    [Theory]
    [MemberData(nameof(AutoChoices))]
    public async Task RunAsync_Auto_PicksTheClientTheRulesSay(string situation, string client)
    {
        DemoServer server = await StartServerAsync();
        Uri url = server.Url("/fast");
        LoadOptions basic = LoadOptions.Requests(url, 10, 2);
        LoadOptions options = situation switch
        {
            "closed loop, GET of an http URL" => basic,
            "open loop" => basic with { RequestsPerSecond = 1000 },
            "request factory" => basic with { Url = null, RequestFactory = () => new HttpRequestMessage(HttpMethod.Get, url) },
            "wrapped handler" => basic with { WrapHandler = inner => inner },
            _ => basic with { Client = LoadClient.HttpClient },
        };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.EndsWith(client, result.Mode);
        Assert.Equal((10L, 0L), (result.Requests, result.Errors));
    }

    [Fact]
    public void ChosenClient_HttpsUrl_IsHttpClient()
    {
        var options = new LoadOptions { Url = new Uri("https://127.0.0.1:1/"), TotalRequests = 1 };

        options.Validate();

        Assert.Equal(LoadClient.HttpClient, options.ChosenClient);
    }

    public static TheoryData<LoadOptions, string> SocketsImpossible => new()
    {
        { new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 10, RequestsPerSecond = 100, Client = LoadClient.Sockets }, "open loop" },
        { new LoadOptions { Url = new Uri("https://127.0.0.1:1/"), TotalRequests = 10, Client = LoadClient.Sockets }, "https" },
        { new LoadOptions { RequestFactory = () => new HttpRequestMessage(), TotalRequests = 10, Client = LoadClient.Sockets }, "RequestFactory" },
        { new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 10, WrapHandler = h => h, Client = LoadClient.Sockets }, "WrapHandler" },
    };

    [Theory]
    [MemberData(nameof(SocketsImpossible))]
    public async Task RunAsync_SocketsWhereImpossible_ArgumentExceptionNamingTheReason(LoadOptions options, string reason)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LoadGenerator.RunAsync(options).WaitAsync(Timeout));

        Assert.Equal("Client", error.ParamName);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task RunAsync_UndefinedClient_ArgumentOutOfRange()
    {
        var options = new LoadOptions { Url = new Uri("http://127.0.0.1:1/"), TotalRequests = 1, Client = (LoadClient)42 };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LoadGenerator.RunAsync(options).WaitAsync(Timeout));

        Assert.Equal("Client", error.ParamName);
    }

    /// <summary>What HttpClient's path records when the body stops short; the socket client must record the same.</summary>
    private const string BodyEndedLabel = "HttpIOException";

    /// <summary>What HttpClient's path records when the connection is reset in the middle of the body.</summary>
    private const string BodyResetLabel = "IOException";

    /// <summary>What HttpClient's path records when a fresh connection is reset before any answer.</summary>
    private const string ResetLabel = "HttpRequestException (Unknown)";

    private static LoadOptions Options(Uri url, long total, LoadClient client, int clients) =>
        LoadOptions.Requests(url, total, clients) with { Client = client };

    private ScriptedHttpServer Fake(Func<ScriptedConnection, CancellationToken, Task> respond) => Own(ScriptedHttpServer.EveryRequest(respond));

    private ScriptedHttpServer Own(ScriptedHttpServer server) => Own(server, server.Port);
}
