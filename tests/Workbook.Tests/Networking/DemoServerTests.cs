using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Workbook.Networking;

namespace Workbook.Tests.Networking;

public sealed class DemoServerTests : LoopbackTest
{
    [Fact]
    public async Task StartAsync_Default_BindsLoopbackOnAFreePort()
    {
        DemoServer server = await StartServerAsync();

        Assert.NotEqual(0, server.Port);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.Equal(server.Port, server.BaseAddress.Port);
        if (SocketCensus.IsSupported)
        {
            Assert.True(SocketCensus.IsListening(server.Port));
            // The kernel's own record of the listener: local address 127.0.0.1 (0100007F), never 0.0.0.0 or IPv6.
            string[] listeners = new[] { "/proc/net/tcp", "/proc/net/tcp6" }
                .SelectMany(File.ReadLines)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length > 3 && f[3] == "0A" && f[1].EndsWith($":{server.Port:X4}", StringComparison.Ordinal))
                .Select(f => f[1])
                .ToArray();
            Assert.Equal([$"0100007F:{server.Port:X4}"], listeners);
        }
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_ClosesThePort()
    {
        DemoServer server = await DemoServer.StartAsync().WaitAsync(Timeout);
        int port = server.Port;

        await server.DisposeAsync().AsTask().WaitAsync(Timeout);
        await server.DisposeAsync().AsTask().WaitAsync(Timeout); // twice is harmless

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeout));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task DisposeAsync_ShortRequestInFlight_LetsItFinish()
    {
        DemoServer server = await DemoServer.StartAsync(new DemoServerOptions { ShutdownTimeout = TimeSpan.FromSeconds(20) }).WaitAsync(Timeout);
        using HttpClient client = NewClient();
        Task<HttpResponseMessage> pending = client.GetAsync(server.Url("/delay?ms=300"));
        await WaitUntilAsync(() => server.Stats.InFlight == 1, "the request is in flight");

        await server.DisposeAsync().AsTask().WaitAsync(Timeout);

        using HttpResponseMessage response = await pending.WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SocketCensus.IsListening(server.Port));
    }

    [Fact]
    public async Task DisposeAsync_LongRequestInFlight_AbortsItAfterTheShutdownTimeout()
    {
        DemoServer server = await DemoServer.StartAsync(new DemoServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(100) }).WaitAsync(Timeout);
        using HttpClient client = NewClient();
        Task<HttpResponseMessage> pending = client.GetAsync(server.Url("/delay?ms=60000"));
        await WaitUntilAsync(() => server.Stats.InFlight == 1, "the request is in flight");

        await server.DisposeAsync().AsTask().WaitAsync(Timeout);

        await Assert.ThrowsAsync<HttpRequestException>(() => pending.WaitAsync(Timeout));
        Assert.False(SocketCensus.IsListening(server.Port));
    }

    [Fact]
    public async Task Options_MaxConcurrentConnections_ClosesConnectionsOverTheLimit()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { MaxConcurrentConnections = 1 });
        using (var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await holder.ConnectAsync(IPAddress.Loopback, server.Port).WaitAsync(Timeout);
            await WaitUntilAsync(() => server.Stats.ConnectionsOpen == 1, "the first connection is admitted");

            string refused = await SendRawAsync(server.Port, "GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            Assert.Equal("", refused); // closed without an answer
        }

        await WaitUntilAsync(() => server.Stats.ConnectionsOpen == 0, "the first connection is gone");
        // Kestrel frees its connection-limit slot a moment after our counter drops, so a new
        // connection may still be turned away briefly; it must be served once the slot is free.
        string served = "";
        for (int attempt = 0; attempt < 50 && !served.StartsWith("HTTP/1.1 200", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            served = await SendRawAsync(server.Port, "GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        }
        Assert.StartsWith("HTTP/1.1 200", served);
    }

    [Fact]
    public async Task SetExtraLatency_Positive_AppliesToLaterRequests()
    {
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();

        server.SetExtraLatency(TimeSpan.FromMilliseconds(60_000));
        Task<string> slow = client.GetStringAsync(server.Url("/fast"));
        await WaitUntilAsync(() => server.Stats.InFlight == 1, "the delayed request is held");
        server.SetExtraLatency(TimeSpan.Zero);
        string fast = await client.GetStringAsync(server.Url("/fast")).WaitAsync(Timeout);

        Assert.Equal("ok\n", fast);
        Assert.False(slow.IsCompleted); // still held by the latency set when it arrived
        Assert.Equal(TimeSpan.Zero, server.ExtraLatency);
    }

    [Fact]
    public async Task Fast_Get_ReturnsOkWithBackendHeader()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { Name = "alpha" });
        using HttpClient client = NewClient();

        using HttpResponseMessage response = await client.GetAsync(server.Url("/fast")).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        Assert.Equal(["alpha"], response.Headers.GetValues(DemoServer.BackendHeader));
    }

    [Fact]
    public async Task Delay_WithMs_WaitsAndSaysHowLong()
    {
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();

        string body = await client.GetStringAsync(server.Url("/delay?ms=20")).WaitAsync(Timeout);

        Assert.Equal("waited 20 ms\n", body);
    }

    [Theory]
    [InlineData("/delay?ms=-1")]
    [InlineData("/delay?ms=60001")]
    [InlineData("/delay?ms=soon")]
    [InlineData("/cpu?iterations=-5")]
    public async Task Endpoint_BadQuery_Returns400(string path)
    {
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();

        using HttpResponseMessage response = await client.GetAsync(server.Url(path)).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Cpu_WithIterations_ReturnsTheSpinChecksum()
    {
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();

        string body = await client.GetStringAsync(server.Url("/cpu?iterations=12345")).WaitAsync(Timeout);

        Assert.Equal($"{Workbook.Processes.CpuWork.Spin(12345)}\n", body);
    }

    [Fact]
    public async Task Echo_Post_ReturnsTheBodyAndContentType()
    {
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();
        byte[] payload = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray();
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new("application/x-test");

        using HttpResponseMessage response = await client.PostAsync(server.Url("/echo"), content).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-test", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(payload, await response.Content.ReadAsByteArrayAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Echo_BodyOverTheLimitWithExpectContinue_Returns413AndKeepsServing()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { MaxRequestBodySize = 1024 });
        using HttpClient client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url("/echo")) { Content = new ByteArrayContent(new byte[100_000]) };
        request.Headers.ExpectContinue = true;

        using HttpResponseMessage response = await client.SendAsync(request).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("ok\n", await client.GetStringAsync(server.Url("/fast")).WaitAsync(Timeout));
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(3_000_000)]
    public async Task Echo_BodyOverTheLimitSentWhole_Returns413RatherThanABrokenConnection(int size)
    {
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();

        using HttpResponseMessage response = await client.PostAsync(server.Url("/echo"), new ByteArrayContent(new byte[size])).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("ok\n", await client.GetStringAsync(server.Url("/fast")).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Echo_DeclaredLengthOverTheLimitOnARawSocket_Returns413AndKeepsServing()
    {
        DemoServer server = await StartServerAsync();

        string reply = await SendRawAsync(server.Port,
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n" + new string('x', 100_000));

        Assert.StartsWith("HTTP/1.1 413", reply);
        using HttpClient client = NewClient();
        Assert.Equal("ok\n", await client.GetStringAsync(server.Url("/fast")).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Echo_ChunkedBodyOverTheLimit_Returns413()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { MaxRequestBodySize = 16 });
        string chunk = new('x', 32);

        string reply = await SendRawAsync(server.Port,
            $"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n20\r\n{chunk}\r\n0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413", reply);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n")]
    [InlineData("GET /fast HTTP/9.9\r\n\r\n")]
    [InlineData("GET /fast HTTP/1.1\r\nNo colon here\r\n\r\n")]
    public async Task MalformedRequest_OnARawSocket_Gets400AndServerKeepsServing(string garbage)
    {
        DemoServer server = await StartServerAsync();

        string reply = await SendRawAsync(server.Port, garbage);

        Assert.Matches(@"^HTTP/1\.1 (400|505)", reply);
        using HttpClient client = NewClient();
        Assert.Equal("ok\n", await client.GetStringAsync(server.Url("/fast")).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Stats_AfterRequests_CountsThemAndIsNotCountedItself()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { Name = "counted" });
        using HttpClient client = NewClient();
        for (int i = 0; i < 5; i++)
        {
            await client.GetStringAsync(server.Url("/fast")).WaitAsync(Timeout);
        }

        DemoServerStats? first = await client.GetFromJsonAsync<DemoServerStats>(server.Url("/stats")).WaitAsync(Timeout);
        DemoServerStats? second = await client.GetFromJsonAsync<DemoServerStats>(server.Url("/stats")).WaitAsync(Timeout);

        Assert.NotNull(first);
        Assert.Equal("counted", first.Name);
        Assert.Equal(5, first.RequestsServed);
        Assert.Equal(0, first.InFlight);
        Assert.Equal(1, first.PeakInFlight);
        Assert.Equal(1, first.ConnectionsAccepted); // one client, sequential requests: one kept-alive connection
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ResetStats_AfterRequests_ZeroesTheCounters()
    {
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();
        await client.GetStringAsync(server.Url("/fast")).WaitAsync(Timeout);

        server.ResetStats();

        DemoServerStats stats = server.Stats;
        Assert.Equal((0L, 0L, 0L), (stats.RequestsServed, stats.FailuresServed, stats.ConnectionsAccepted));
    }

    [Fact]
    public async Task SetFaulty_True_Returns500UntilRecovered()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { Name = "flaky" });
        using HttpClient client = NewClient();

        server.SetFaulty(true);
        using HttpResponseMessage failed = await client.GetAsync(server.Url("/fast")).WaitAsync(Timeout);
        using HttpResponseMessage unhealthy = await client.GetAsync(server.Url("/health")).WaitAsync(Timeout);
        server.SetFaulty(false);
        using HttpResponseMessage recovered = await client.GetAsync(server.Url("/fast")).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(["flaky"], failed.Headers.GetValues(DemoServer.BackendHeader));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal((2L, 1L), (server.Stats.RequestsServed, server.Stats.FailuresServed));
    }

    [Fact]
    public async Task Options_FaultyAtStart_FailsFromTheFirstRequest()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { Faulty = true });
        using HttpClient client = NewClient();

        using HttpResponseMessage response = await client.GetAsync(server.Url("/fast")).WaitAsync(Timeout);

        Assert.True(server.IsFaulty);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task SetExtraLatency_Negative_IsRejected()
    {
        DemoServer server = await StartServerAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => server.SetExtraLatency(TimeSpan.FromMilliseconds(-1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\nname")]
    public async Task StartAsync_InvalidName_IsRejected(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => DemoServer.StartAsync(new DemoServerOptions { Name = name }).WaitAsync(Timeout));

    [Fact]
    public async Task StartAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoServer.StartAsync(null, cancelled.Token).WaitAsync(Timeout));
    }

    [Fact]
    public async Task StartAsync_ZeroBodyLimit_IsRejected() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DemoServer.StartAsync(new DemoServerOptions { MaxRequestBodySize = 0 }).WaitAsync(Timeout));

    [Fact]
    public async Task Url_PathWithoutSlash_IsRejected()
    {
        DemoServer server = await StartServerAsync();

        Assert.Throws<ArgumentException>(() => server.Url("fast"));
    }

    [Fact]
    public async Task StartManyAsync_Three_NamesEachAndAnswersWithItsOwnName()
    {
        DemoServerGroup farm = await StartServersAsync(3);
        using HttpClient client = NewClient();

        var names = new List<string>();
        foreach (Uri url in farm.Urls("/fast"))
        {
            using HttpResponseMessage response = await client.GetAsync(url).WaitAsync(Timeout);
            names.Add(response.Headers.GetValues(DemoServer.BackendHeader).Single());
        }

        Assert.Equal(["backend0", "backend1", "backend2"], names);
        Assert.Equal(names, farm.Names);
        Assert.Equal(3, farm.Select(s => s.Port).Distinct().Count());
    }
}
