using Workbook.Capstone;
using Workbook.Networking;

namespace Workbook.Tests.Capstone;

public sealed class ServiceFarmTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Route_OneInstanceStopped_EveryRequestStillAnsweredByTheOthers()
    {
        await using ServiceFarm farm = await ServiceFarm.StartAsync(ServiceConfig.Naive with { Instances = 3 }).WaitAsync(Bound);
        await farm.StopInstanceAsync(1).WaitAsync(Bound);
        using var client = new HttpClient(farm.Route(new SocketsHttpHandler { UseProxy = false })) { Timeout = Bound };

        var answeredBy = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(farm.QuoteUrl(i)).WaitAsync(Bound);
            Assert.True(response.IsSuccessStatusCode, $"request {i} came back {(int)response.StatusCode}");
            answeredBy.Add(response.Headers.GetValues(DemoServer.BackendHeader).Single());
        }

        Assert.DoesNotContain("instance1", answeredBy);
        Assert.Contains("instance0", answeredBy);
        Assert.Contains("instance2", answeredBy);
        Assert.All(farm.Balancer!.Snapshot(), s => Assert.Equal(0, s.Outstanding));
        Assert.Equal(30, farm.Stats.Answered);
    }

    [Fact]
    public async Task SharedCache_SameKeyOnEveryInstance_ComputedOnce()
    {
        await using ServiceFarm farm = await ServiceFarm.StartAsync(ServiceConfig.WithCache with { Workers = 1, Instances = 3, SharedCache = true }).WaitAsync(Bound);
        using var client = new HttpClient { Timeout = Bound };

        // Ask each instance directly, one after the other: only the first can miss.
        foreach (CapstoneService instance in farm.Instances)
        {
            Assert.Equal(Quotes.Compute(5), long.Parse(await client.GetStringAsync(instance.QuoteUrl(5)).WaitAsync(Bound), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(3, farm.Stats.Answered);
        Assert.Equal(1, farm.Stats.Computations);
    }

    [Fact]
    public async Task OwnCaches_SameKeyOnEveryInstance_ComputedOncePerInstance()
    {
        await using ServiceFarm farm = await ServiceFarm.StartAsync(ServiceConfig.WithCache with { Workers = 1, Instances = 3 }).WaitAsync(Bound);
        using var client = new HttpClient { Timeout = Bound };

        foreach (CapstoneService instance in farm.Instances)
        {
            (await client.GetAsync(instance.QuoteUrl(5)).WaitAsync(Bound)).Dispose();
        }

        Assert.All(farm.Instances, i => Assert.Equal(1, i.Stats.Computations));
    }

    [Fact]
    public async Task Stats_ThreeInstances_AreTheSumOfTheInstances()
    {
        await using ServiceFarm farm = await ServiceFarm.StartAsync(ServiceConfig.Naive with { Instances = 3 }).WaitAsync(Bound);
        using var client = new HttpClient(farm.Route(new SocketsHttpHandler { UseProxy = false })) { Timeout = Bound };
        for (int i = 0; i < 12; i++)
        {
            (await client.GetAsync(farm.QuoteUrl(i)).WaitAsync(Bound)).Dispose();
        }

        Assert.Equal(12, farm.Stats.Requests);
        Assert.Equal(farm.Instances.Sum(i => i.Stats.Answered), farm.Stats.Answered);
        farm.ResetStats();
        Assert.Equal(0, farm.Stats.Requests);
    }

    [Fact]
    public async Task Route_SingleInstance_IsTheInnerHandler()
    {
        await using ServiceFarm farm = await ServiceFarm.StartAsync(ServiceConfig.Naive).WaitAsync(Bound);
        using var inner = new SocketsHttpHandler();

        Assert.Same(inner, farm.Route(inner));
        Assert.Null(farm.Balancer);
    }

    [Fact]
    public async Task FailoverHandler_Post_IsRefused()
    {
        await using ServiceFarm farm = await ServiceFarm.StartAsync(ServiceConfig.Naive with { Instances = 2 }).WaitAsync(Bound);
        using var client = new HttpClient(farm.Route(new SocketsHttpHandler { UseProxy = false })) { Timeout = Bound };

        await Assert.ThrowsAsync<NotSupportedException>(() => client.PostAsync(farm.QuoteUrl(1), new StringContent("x")).WaitAsync(Bound));
    }

    [Fact]
    public void FailoverHandler_AddressCountDiffersFromBackends_Throws()
    {
        var balancer = new Workbook.Balancing.RoundRobin(Workbook.Balancing.Backend.Range(3));
        using var inner = new SocketsHttpHandler();

        var error = Assert.Throws<ArgumentException>(() => new FailoverHandler(balancer, [new Uri("http://127.0.0.1:1/")], inner));
        Assert.Contains("3 backends", error.Message, StringComparison.Ordinal);
    }
}
