using Workbook.Balancing.Farm;
using Workbook.Networking;

namespace Workbook.Tests.Balancing.Farm;

public sealed class BackendFarmTests : FarmTest
{
    [Fact]
    public async Task StartAsync_ThreeBackends_EachAnswersWithItsNameAndCountsIt()
    {
        BackendFarm farm = await StartFarmAsync(new FarmOptions { Latency = TimeSpan.Zero });
        using HttpClient client = NewClient();

        foreach (FarmBackend backend in farm)
        {
            var (status, name, _) = await GetAsync(client, new Uri(backend.BaseAddress, "/fast"));
            Assert.Equal(200, status);
            Assert.Equal(backend.Name, name);
        }

        Assert.Equal(["backend0", "backend1", "backend2"], farm.Names);
        Assert.Equal([1L, 1L, 1L], farm.RequestsServed);
        Assert.Equal(3, farm.Select(b => b.Port).Distinct().Count());
    }

    [Fact]
    public async Task KillAsync_RunningBackend_PortClosesAndItsCountStays()
    {
        BackendFarm farm = await StartFarmAsync(new FarmOptions { Latency = TimeSpan.Zero });
        using HttpClient client = NewClient();
        await GetAsync(client, new Uri(farm[1].BaseAddress, "/fast"));
        await GetAsync(client, new Uri(farm[1].BaseAddress, "/fast"));

        await farm.KillAsync(1).WaitAsync(Timeout);

        Assert.False(farm[1].IsRunning);
        Assert.False(SocketCensus.IsListening(farm[1].Port), "the killed backend's port still listens");
        Assert.True(SocketCensus.IsListening(farm[0].Port), "killing backend1 closed backend0");
        Assert.Equal(2, farm[1].RequestsServed);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(farm[1].BaseAddress, "/fast")).WaitAsync(Timeout));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
    }

    [Fact]
    public async Task RestartAsync_KilledBackend_ServesAgainAtTheSameAddressAndCountsAddUp()
    {
        BackendFarm farm = await StartFarmAsync(new FarmOptions { Latency = TimeSpan.Zero });
        using HttpClient client = NewClient();
        Uri address = farm[2].BaseAddress;
        await GetAsync(client, new Uri(address, "/fast"));
        await farm.KillAsync(2).WaitAsync(Timeout);

        await farm.RestartAsync(2).WaitAsync(Timeout);
        var (status, name, _) = await GetAsync(client, new Uri(address, "/fast"));

        Assert.Equal((200, "backend2"), (status, name));
        Assert.True(farm[2].IsRunning);
        Assert.Equal(address, farm[2].BaseAddress);
        Assert.Equal(2, farm[2].Starts);
        Assert.Equal(1, farm[2].ServedSinceStart);
        Assert.Equal(2, farm[2].RequestsServed);
    }

    [Fact]
    public async Task KillAndRestart_RepeatedOrRedundant_AreHarmless()
    {
        BackendFarm farm = await StartFarmAsync(new FarmOptions { Backends = 1, Latency = TimeSpan.Zero });

        await farm.RestartAsync(0).WaitAsync(Timeout);  // already running: nothing happens
        await farm.KillAsync(0).WaitAsync(Timeout);
        await farm.KillAsync(0).WaitAsync(Timeout);     // already dead: nothing happens

        Assert.Equal(1, farm[0].Starts);
        Assert.False(farm[0].IsRunning);
    }

    [Fact]
    public async Task ResetCounts_AfterTraffic_ZeroesEveryBackend()
    {
        BackendFarm farm = await StartFarmAsync(new FarmOptions { Backends = 2, Latency = TimeSpan.Zero });
        using HttpClient client = NewClient();
        await GetAsync(client, new Uri(farm[0].BaseAddress, "/fast"));

        farm.ResetCounts();

        Assert.Equal([0L, 0L], farm.RequestsServed);
    }

    [Fact]
    public async Task StartAsync_OneSlow_OnlyTheLastBackendIsSlow()
    {
        BackendFarm farm = await StartFarmAsync(FarmOptions.OneSlow(3, TimeSpan.Zero, TimeSpan.FromMilliseconds(30)));

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(30)], farm.Select(b => b.Latency));
        Assert.Equal("3 backends at 0 ms, backend2 at 30 ms", farm.Options.ToString());
    }

    public static TheoryData<FarmOptions, string> BadOptions => new()
    {
        { new FarmOptions { Backends = 0 }, "Backends" },
        { new FarmOptions { Backends = 65 }, "Backends" },
        { new FarmOptions { Latency = TimeSpan.FromMilliseconds(-1) }, "Latency" },
        { new FarmOptions { SlowBackend = 3 }, "SlowBackend" },
        { new FarmOptions { SlowBackend = 0, SlowLatency = TimeSpan.FromMilliseconds(-1) }, "SlowLatency" },
        { new FarmOptions { Prefix = " " }, "Prefix" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task StartAsync_BadOptions_ThrowsNamingTheSetting(FarmOptions options, string setting)
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => BackendFarm.StartAsync(options).WaitAsync(Timeout));

        Assert.Equal(setting, e.ParamName);
    }

    [Fact]
    public async Task KillAsync_IndexOutsideTheFarm_Throws()
    {
        BackendFarm farm = await StartFarmAsync(new FarmOptions { Backends = 2, Latency = TimeSpan.Zero });

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => farm.KillAsync(2).WaitAsync(Timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => farm.RestartAsync(-1).WaitAsync(Timeout));
    }

    [Fact]
    public void OneSlow_FewerThanTwoBackends_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FarmOptions.OneSlow(1));
    }

    [Fact]
    public async Task DemoServerOptions_PortOutOfRange_Throws()
    {
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DemoServer.StartAsync(new DemoServerOptions { Port = 70_000 }).WaitAsync(Timeout));

        Assert.Equal("Port", e.ParamName);
    }
}
