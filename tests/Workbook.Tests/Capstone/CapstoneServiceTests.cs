using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Workbook.Capstone;
using Workbook.Networking;

namespace Workbook.Tests.Capstone;

public sealed class CapstoneServiceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static HttpClient NewClient() => new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Bound };

    [Fact]
    public async Task Quote_NaiveService_AnswersTheKeysQuote()
    {
        await using CapstoneService service = await CapstoneService.StartAsync(ServiceConfig.Naive, "solo").WaitAsync(Bound);
        using HttpClient client = NewClient();

        using HttpResponseMessage response = await client.GetAsync(service.QuoteUrl(7)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Quotes.Compute(7).ToString(CultureInfo.InvariantCulture), (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Equal("solo", response.Headers.GetValues(DemoServer.BackendHeader).Single());
        Assert.Equal(1, service.Stats.Answered);
        Assert.Equal(1, service.Stats.Computations);
    }

    [Theory]
    [InlineData("/quote?key=-1")]
    [InlineData("/quote?key=1000")]
    [InlineData("/quote?key=seven")]
    [InlineData("/quote")]
    public async Task Quote_BadKey_Answers400WithoutComputing(string path)
    {
        await using CapstoneService service = await CapstoneService.StartAsync(ServiceConfig.Naive).WaitAsync(Bound);
        using HttpClient client = NewClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri(service.BaseAddress, path)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, service.Stats.BadRequests);
        Assert.Equal(0, service.Stats.Computations);
    }

    [Fact]
    public async Task Quote_QueueFull_Answers503WithRetryAfterAndServesTheAccepted()
    {
        var handler = new GatedHandler();
        ServiceConfig config = ServiceConfig.WithQueue with { Workers = 1, QueueCapacity = 1, Consumers = 1, Parts = new ServiceParts { Handler = () => handler } };
        await using CapstoneService service = await CapstoneService.StartAsync(config).WaitAsync(Bound);
        using HttpClient client = NewClient();

        Task<HttpResponseMessage> first = client.GetAsync(service.QuoteUrl(1));
        Assert.True(SpinWait.SpinUntil(() => handler.Entered == 1, Bound), "the first request never reached the handler");
        Task<HttpResponseMessage>[] more = [.. Enumerable.Range(2, 4).Select(k => client.GetAsync(service.QuoteUrl(k)))];
        Assert.True(SpinWait.SpinUntil(() => service.Stats.Rejected == 3, Bound), $"expected 3 rejections; {service.Stats}");
        handler.Open();
        HttpResponseMessage[] responses = await Task.WhenAll(more.Prepend(first)).WaitAsync(Bound);

        // One job ran, one waited (capacity 1), the other three were turned away at once.
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        HttpResponseMessage[] refused = [.. responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable)];
        Assert.Equal(3, refused.Length);
        Assert.All(refused, r => Assert.Equal("1", r.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(new ServiceStats(service.Name, 5, 2, 3, 0, 0, 0, 0, 2), service.Stats);
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Quote_CachedService_ConcurrentRequestsForOneKeyShareOneComputation()
    {
        var handler = new GatedHandler();
        ServiceConfig config = ServiceConfig.WithCache with { Workers = 1, Parts = new ServiceParts { Handler = () => handler } };
        await using CapstoneService service = await CapstoneService.StartAsync(config).WaitAsync(Bound);
        using HttpClient client = NewClient();

        Task<string>[] answers = [.. Enumerable.Range(0, 40).Select(_ => client.GetStringAsync(service.QuoteUrl(5)))];
        Assert.True(SpinWait.SpinUntil(() => service.Stats.Requests == 40, Bound), $"not all requests arrived; {service.Stats}");
        handler.Open();
        string[] bodies = await Task.WhenAll(answers).WaitAsync(Bound);
        string later = await client.GetStringAsync(service.QuoteUrl(5)).WaitAsync(Bound);

        Assert.All(bodies.Append(later), b => Assert.Equal(Quotes.Compute(5).ToString(CultureInfo.InvariantCulture), b.Trim()));
        Assert.Equal(1, handler.Entered);
        Assert.Equal(1, service.Stats.Computations);
        Assert.Equal(41, service.Stats.Answered);
    }

    [Fact]
    public async Task Quote_WorkerProcesses_AnswerCorrectly()
    {
        await using CapstoneService service = await CapstoneService.StartAsync(ServiceConfig.WithWorkers with { Workers = 1 }).WaitAsync(Bound);
        using HttpClient client = NewClient();

        string[] bodies = await Task.WhenAll(new[] { 0, 1, 999 }.Select(k => client.GetStringAsync(service.QuoteUrl(k)))).WaitAsync(Bound);

        Assert.Equal(new[] { 0, 1, 999 }.Select(k => Quotes.Compute(k).ToString(CultureInfo.InvariantCulture)), bodies.Select(b => b.Trim()));
    }

    [Fact]
    public async Task DisposeAsync_Twice_ClosesThePortAndIsHarmless()
    {
        CapstoneService service = await CapstoneService.StartAsync(ServiceConfig.Naive).WaitAsync(Bound);
        int port = service.Port;

        await service.DisposeAsync().AsTask().WaitAsync(Bound);
        await service.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.True(service.IsStopped);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Bound));
    }

    [Fact]
    public async Task StartAsync_InvalidConfig_ThrowsBeforeStartingAnything()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CapstoneService.StartAsync(ServiceConfig.Naive with { QueueCapacity = 3 }).WaitAsync(Bound));
    }
}
