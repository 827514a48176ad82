using System.Text;
using Microsoft.Extensions.Time.Testing;
using Workbook.Balancing;
using Workbook.Balancing.Farm;
using Workbook.Networking;

namespace Workbook.Tests.Balancing.Farm;

public sealed class LoadBalancingProxyTests : FarmTest
{
    private static readonly FarmOptions Instant = new() { Latency = TimeSpan.Zero };

    [Fact]
    public async Task RoundRobin_300SequentialRequests_ExactlyOneHundredPerBackend()
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm, new ProxyOptions { Policy = "round-robin" });
        using HttpClient client = NewClient();
        var answeredBy = new Dictionary<string, int>();

        for (int i = 0; i < 300; i++)
        {
            var (status, backend, _) = await GetAsync(client, proxy.Url("/fast?i=" + i));
            Assert.Equal(200, status);
            answeredBy[backend!] = answeredBy.GetValueOrDefault(backend!) + 1;
        }

        Assert.Equal([100L, 100L, 100L], farm.RequestsServed);
        Assert.Equal(new Dictionary<string, int> { ["backend0"] = 100, ["backend1"] = 100, ["backend2"] = 100 }, answeredBy);
        Assert.Equal(300, proxy.Stats.Requests);
        Assert.Equal(0, proxy.Stats.Retries);
    }

    [Theory]
    [InlineData("round-robin")]
    [InlineData("weighted-round-robin")]
    [InlineData("random")]
    [InlineData("least-connections")]
    [InlineData("power-of-two")]
    [InlineData("peak-ewma")]
    public async Task EveryPolicy_ConcurrentLoad_EveryRequestAnsweredOnceAndCountsAddUp(string policy)
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm, new ProxyOptions { Policy = policy });

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.Requests(proxy.Url("/fast"), 200, 8)).WaitAsync(Timeout);

        Assert.Equal(0, result.Errors);
        Assert.Equal(200, result.ByBackend.Values.Sum());
        Assert.Equal(200, farm.RequestsServed.Sum());
        Assert.Equal(200, proxy.Stats.Backends.Sum(b => b.Attempts));
        Assert.Equal(policy, proxy.Policy);
    }

    [Fact]
    public async Task Forward_PostWithBodyAndQuery_ReachTheBackendUnchanged()
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm);
        using HttpClient client = NewClient();
        string payload = string.Concat(Enumerable.Repeat("päyload-", 2_000)); // 16 KB, non-ASCII included

        using var echo = await client.PostAsync(proxy.Url("/echo"), new StringContent(payload, Encoding.UTF8, "text/plain")).WaitAsync(Timeout);
        var delayed = await GetAsync(client, proxy.Url("/delay?ms=1"));

        Assert.Equal(200, (int)echo.StatusCode);
        Assert.Equal(payload, await echo.Content.ReadAsStringAsync().WaitAsync(Timeout));
        Assert.Equal("text/plain; charset=utf-8", echo.Content.Headers.ContentType?.ToString());
        Assert.Equal((200, "waited 1 ms\n"), (delayed.Status, delayed.Body));
    }

    [Fact]
    public async Task Ejection_BackendKilled_EjectedAfterThreeFailuresAndNeverTriedAgain()
    {
        var clock = new FakeTimeProvider();
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm, EjectAfterThreeFailures(clock));
        using HttpClient client = NewClient();
        await farm.KillAsync(1).WaitAsync(Timeout);

        var statuses = new List<int>();
        for (int i = 0; i < 30; i++)
        {
            statuses.Add((await GetAsync(client, proxy.Url("/fast"))).Status);
        }

        long attemptsAtEjection = proxy.Stats.Backends[1].Attempts;
        for (int i = 0; i < 30; i++)
        {
            statuses.Add((await GetAsync(client, proxy.Url("/fast"))).Status);
        }

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(new BackendTraffic("backend1", 3, 3, 0), proxy.Stats.Backends[1]);
        Assert.Equal(3, attemptsAtEjection);
        Assert.Equal(3, proxy.Stats.Retries);
        Assert.Equal(BackendHealth.Ejected, ((Balancer)proxy.Balancer).HealthOf(1));
        Assert.Equal([("backend1", ProxyEventKind.Ejected)], proxy.Events.Select(e => (e.Backend, e.Kind)));
        Assert.Equal(60, farm[0].RequestsServed + farm[2].RequestsServed);
    }

    [Fact]
    public async Task Reactivation_BackendRestartedAndPeriodOver_TrialReadmitsItAndRoundRobinIsExactAgain()
    {
        var clock = new FakeTimeProvider();
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm, EjectAfterThreeFailures(clock));
        using HttpClient client = NewClient();
        await farm.KillAsync(1).WaitAsync(Timeout);
        for (int i = 0; i < 10; i++)
        {
            await GetAsync(client, proxy.Url("/fast"));
        }

        await farm.RestartAsync(1).WaitAsync(Timeout);
        var balancer = (Balancer)proxy.Balancer;
        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(1)); // restarted, but the proxy does not know yet
        clock.Advance(TimeSpan.FromSeconds(30));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await GetAsync(client, proxy.Url("/fast"))).Status); // one of these is the trial
        }

        long[] before = [.. farm.RequestsServed];
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(200, (await GetAsync(client, proxy.Url("/fast"))).Status);
        }

        Assert.Equal(BackendHealth.Healthy, balancer.HealthOf(1));
        Assert.Equal([ProxyEventKind.Ejected, ProxyEventKind.Readmitted], proxy.Events.Select(e => e.Kind));
        Assert.Equal(1, proxy.Stats.Backends[1].Trials);
        Assert.Equal([10L, 10L, 10L], farm.RequestsServed.Select((n, i) => n - before[i]));
        Assert.True(farm[1].ServedSinceStart > 10, $"backend1 served {farm[1].ServedSinceStart} since its restart");
    }

    [Fact]
    public async Task Reactivation_PeriodOverButStillDead_TrialFailsAndItStaysOut()
    {
        var clock = new FakeTimeProvider();
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm, EjectAfterThreeFailures(clock));
        using HttpClient client = NewClient();
        await farm.KillAsync(1).WaitAsync(Timeout);
        for (int i = 0; i < 10; i++)
        {
            await GetAsync(client, proxy.Url("/fast"));
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        var statuses = new List<int>();
        for (int i = 0; i < 20; i++)
        {
            statuses.Add((await GetAsync(client, proxy.Url("/fast"))).Status);
        }

        Assert.All(statuses, s => Assert.Equal(200, s)); // the failed trial was retried elsewhere
        Assert.Equal(new BackendTraffic("backend1", 4, 4, 1), proxy.Stats.Backends[1]);
        Assert.Equal([ProxyEventKind.Ejected, ProxyEventKind.TrialFailed], proxy.Events.Select(e => e.Kind));
        Assert.Equal(BackendHealth.Ejected, ((Balancer)proxy.Balancer).HealthOf(1));
    }

    [Fact]
    public async Task Post_BackendKilledAfterReceivingIt_NotRetriedAnd502()
    {
        BackendFarm farm = await StartFarmAsync(HangingFirstBackend(new FakeTimeProvider()));
        LoadBalancingProxy proxy = await StartProxyAsync(farm);
        using HttpClient client = NewClient();

        Task<HttpResponseMessage> sending = client.PostAsync(proxy.Url("/echo"), new StringContent("charge the card once"));
        await WaitUntilAsync(() => farm[0].InFlight == 1, "the POST reached backend0");
        await farm.KillAsync(0).WaitAsync(Timeout);
        using HttpResponseMessage response = await sending.WaitAsync(Timeout);
        string body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Contains("does not retry a POST", body);
        Assert.Equal([1L, 0L, 0L], farm.Select(b => b.RequestsSeen));
        Assert.Equal(0, proxy.Stats.Retries);
        Assert.Equal(1, proxy.Stats.BadGateway);
    }

    [Fact]
    public async Task Get_BackendKilledAfterReceivingIt_RetriedOnAnotherBackend()
    {
        BackendFarm farm = await StartFarmAsync(HangingFirstBackend(new FakeTimeProvider()));
        LoadBalancingProxy proxy = await StartProxyAsync(farm);
        using HttpClient client = NewClient();

        Task<HttpResponseMessage> sending = client.GetAsync(proxy.Url("/fast"));
        await WaitUntilAsync(() => farm[0].InFlight == 1, "the GET reached backend0");
        await farm.KillAsync(0).WaitAsync(Timeout);
        using HttpResponseMessage response = await sending.WaitAsync(Timeout);

        Assert.Equal(200, (int)response.StatusCode);
        // Round-robin's retry takes the next turn among the untried backends (turn 1 of {backend1, backend2}).
        Assert.Equal("backend2", response.Headers.GetValues("X-Backend").Single());
        Assert.Equal("2", response.Headers.GetValues("X-Proxy-Attempts").Single());
        Assert.Equal([1L, 0L, 1L], farm.Select(b => b.RequestsSeen));
        Assert.Equal(1, proxy.Stats.Retries);
    }

    [Fact]
    public async Task Post_ConnectionRefused_RetriedBecauseItWasNeverSent()
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm);
        using HttpClient client = NewClient();
        await farm.KillAsync(0).WaitAsync(Timeout);

        using HttpResponseMessage response = await client.PostAsync(proxy.Url("/echo"), new StringContent("once")).WaitAsync(Timeout);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("once", await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        Assert.Equal([0L, 0L, 1L], farm.Select(b => b.RequestsSeen));
        Assert.Equal((1L, 1L), (proxy.Stats.Backends[0].Failures, proxy.Stats.Retries));
    }

    [Fact]
    public async Task AllDown_EveryBackendEjected_FastExactly503WithClearBodyAndRetryAfter()
    {
        var clock = new FakeTimeProvider();
        BackendFarm farm = await StartFarmAsync(Instant);
        LoadBalancingProxy proxy = await StartProxyAsync(farm, EjectAfterThreeFailures(clock));
        using HttpClient client = NewClient();
        for (int i = 0; i < farm.Count; i++)
        {
            await farm.KillAsync(i).WaitAsync(Timeout);
        }

        var statuses = new List<int>();
        HttpResponseMessage? last = null;
        for (int i = 0; i < 10; i++)
        {
            last?.Dispose();
            last = await client.GetAsync(proxy.Url("/fast")).WaitAsync(Timeout);
            statuses.Add((int)last.StatusCode);
        }

        string body = await last!.Content.ReadAsStringAsync().WaitAsync(Timeout);
        // Each of the first three requests tries all three backends (one failure each); then all are ejected.
        Assert.Equal([502, 502, 502, 503, 503, 503, 503, 503, 503, 503], statuses);
        Assert.Contains("No healthy backend: all 3 are unavailable", body);
        Assert.Equal(TimeSpan.FromSeconds(30), last.Headers.RetryAfter?.Delta);
        Assert.Equal((7L, 3L), (proxy.Stats.Unavailable, proxy.Stats.BadGateway));
        Assert.Equal(9, proxy.Stats.Backends.Sum(b => b.Attempts));
        last.Dispose();
    }

    [Fact]
    public async Task Timeout_BackendNeverAnswers_504AndCountedAsFailure()
    {
        var proxyClock = new FakeTimeProvider();
        BackendFarm farm = await StartFarmAsync(HangingFirstBackend(new FakeTimeProvider()));
        LoadBalancingProxy proxy = await StartProxyAsync(farm, new ProxyOptions { TimeProvider = proxyClock, ForwardTimeout = TimeSpan.FromSeconds(5) });
        using HttpClient client = NewClient();

        Task<HttpResponseMessage> sending = client.GetAsync(proxy.Url("/fast"));
        await WaitUntilAsync(() => farm[0].InFlight == 1, "the GET reached backend0");
        proxyClock.Advance(TimeSpan.FromSeconds(5));
        using HttpResponseMessage response = await sending.WaitAsync(Timeout);

        Assert.Equal(504, (int)response.StatusCode);
        Assert.Contains("backend0 did not answer within 5 s", await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        Assert.Equal((1L, 1L), (proxy.Stats.GatewayTimeout, proxy.Stats.Backends[0].Failures));
    }

    public static TheoryData<ProxyOptions, string> BadOptions => new()
    {
        { new ProxyOptions { Policy = "fastest" }, "Policy" },
        { new ProxyOptions { MaxAttempts = 0 }, "MaxAttempts" },
        { new ProxyOptions { ForwardTimeout = TimeSpan.Zero }, "ForwardTimeout" },
        { new ProxyOptions { MaxRequestBodySize = 0 }, "MaxRequestBodySize" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task StartAsync_BadOptions_ThrowsNamingTheSetting(ProxyOptions options, string setting)
    {
        BackendFarm farm = await StartFarmAsync(Instant);

        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => LoadBalancingProxy.StartAsync(farm, options).WaitAsync(Timeout));

        Assert.Equal(setting, e.ParamName);
    }

    [Fact]
    public async Task StartAsync_BalancerWithBackendNotInFarm_Throws()
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        var options = new ProxyOptions { CreateBalancer = (_, time, _) => new RoundRobin([new Backend("elsewhere")], time) };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => LoadBalancingProxy.StartAsync(farm, options).WaitAsync(Timeout));

        Assert.Contains("'elsewhere' is not in the farm", e.Message);
    }

    /// <summary>backend0 waits a minute on a clock that never moves (it holds every request until killed); the others answer at once.</summary>
    private static FarmOptions HangingFirstBackend(FakeTimeProvider clock) =>
        new() { Latency = TimeSpan.Zero, SlowBackend = 0, SlowLatency = TimeSpan.FromMinutes(1), TimeProvider = clock };

    /// <summary>Ejection after 3 consecutive failures for 30 s of the given fake clock (the fault tests' setting).</summary>
    private static ProxyOptions EjectAfterThreeFailures(FakeTimeProvider clock) => new()
    {
        TimeProvider = clock,
        Ejection = new EjectionOptions { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(30) },
    };
}
