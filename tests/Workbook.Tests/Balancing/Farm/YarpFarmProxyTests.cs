using System.Text;
using Workbook.Balancing.Farm;
using Workbook.Networking;

namespace Workbook.Tests.Balancing.Farm;

public sealed class YarpFarmProxyTests : FarmTest
{
    private static readonly FarmOptions Instant = new() { Latency = TimeSpan.Zero };

    [Fact]
    public async Task RoundRobin_300SequentialRequests_ExactlyOneHundredPerBackend()
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        YarpFarmProxy yarp = await StartYarpAsync(farm, YarpFarmProxy.RoundRobin);
        using HttpClient client = NewClient();

        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(200, (await GetAsync(client, yarp.Url("/fast"))).Status);
        }

        Assert.Equal([100L, 100L, 100L], farm.RequestsServed);
    }

    [Theory]
    [InlineData("RoundRobin")]
    [InlineData("LeastRequests")]
    [InlineData("PowerOfTwoChoices")]
    public async Task EveryPolicy_ConcurrentLoad_EveryRequestAnsweredOnce(string policy)
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        YarpFarmProxy yarp = await StartYarpAsync(farm, policy);

        LoadResult result = await LoadGenerator.RunAsync(LoadOptions.Requests(yarp.Url("/fast"), 200, 8)).WaitAsync(Timeout);

        Assert.Equal(0, result.Errors);
        Assert.Equal(200, result.ByBackend.Values.Sum());
        Assert.Equal(200, farm.RequestsServed.Sum());
        Assert.Equal((policy, "YARP"), (yarp.Policy, yarp.Kind));
    }

    [Fact]
    public async Task Forward_PostWithBody_EchoedByTheBackend()
    {
        BackendFarm farm = await StartFarmAsync(Instant);
        YarpFarmProxy yarp = await StartYarpAsync(farm, "powerOfTwoChoices"); // names are case-insensitive
        using HttpClient client = NewClient();

        using var response = await client.PostAsync(yarp.Url("/echo"), new StringContent("through YARP", Encoding.UTF8, "text/plain")).WaitAsync(Timeout);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("through YARP", await response.Content.ReadAsStringAsync().WaitAsync(Timeout));
        Assert.Equal(YarpFarmProxy.PowerOfTwoChoices, yarp.Policy);
    }

    [Fact]
    public async Task StartAsync_UnknownPolicy_ThrowsListingYarpPolicies()
    {
        BackendFarm farm = await StartFarmAsync(Instant);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => YarpFarmProxy.StartAsync(farm, "peak-ewma").WaitAsync(Timeout));

        Assert.Contains("Unknown YARP policy 'peak-ewma'", e.Message);
        Assert.Contains("LeastRequests", e.Message);
    }
}
