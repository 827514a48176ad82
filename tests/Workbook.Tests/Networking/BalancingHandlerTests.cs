using Workbook.Balancing;
using Workbook.Networking;

namespace Workbook.Tests.Networking;

public sealed class BalancingHandlerTests : LoopbackTest
{
    [Fact]
    public async Task LoadRun_RoundRobinOverThreeServers_SplitsExactlyEvenly()
    {
        DemoServerGroup farm = await StartServersAsync(3);
        Balancer balancer = Balancers.Create("round-robin", farm.ToBackends());
        var options = LoadOptions.Requests(new Uri("http://farm/fast"), 300, 3) with
        {
            WrapHandler = inner => new BalancingHandler(balancer, farm, inner),
        };

        LoadResult result = await LoadGenerator.RunAsync(options).WaitAsync(Timeout);

        Assert.Equal(0, result.Errors);
        Assert.Equal(new Dictionary<string, long> { ["backend0"] = 100, ["backend1"] = 100, ["backend2"] = 100 }, result.ByBackend);
        Assert.All(farm, server => Assert.Equal(100, server.Stats.RequestsServed));
    }

    [Fact]
    public async Task SendAsync_FaultyAndHealthyBackends_ReportsFailureAndSuccess()
    {
        DemoServerGroup farm = await StartServersAsync(2, (i, o) => o with { Faulty = i == 1 });
        var recorder = new RecordingBalancer(farm.ToBackends());
        using var client = new HttpClient(new BalancingHandler(recorder, farm, new SocketsHttpHandler { UseProxy = false }));

        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage response = await client.GetAsync("http://farm/fast?n=" + i).WaitAsync(Timeout);
        }

        Assert.Equal(
            [("backend0", RequestOutcome.Success), ("backend1", RequestOutcome.Failure), ("backend0", RequestOutcome.Success), ("backend1", RequestOutcome.Failure)],
            recorder.Outcomes);
    }

    [Fact]
    public async Task SendAsync_ServerGone_ReportsFailureAndThrows()
    {
        DemoServerGroup farm = await StartServersAsync(1);
        var recorder = new RecordingBalancer(farm.ToBackends());
        using var client = new HttpClient(new BalancingHandler(recorder, farm, new SocketsHttpHandler { UseProxy = false }));
        await farm[0].DisposeAsync().AsTask().WaitAsync(Timeout);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://farm/fast").WaitAsync(Timeout));

        Assert.Equal([("backend0", RequestOutcome.Failure)], recorder.Outcomes);
    }

    [Fact]
    public void Constructor_BackendWithoutAddress_IsRejected()
    {
        var balancer = Balancers.Create("round-robin", [new Backend("a"), new Backend("b")]);

        var e = Assert.Throws<ArgumentException>(() => new BalancingHandler(balancer, new Dictionary<string, Uri> { ["a"] = new("http://127.0.0.1:1/") }, new SocketsHttpHandler()));
        Assert.Contains("'b'", e.Message);
    }

    /// <summary>Round-robin that remembers every lease's outcome, in completion order.</summary>
    private sealed class RecordingBalancer(Backend[] backends) : IBalancer
    {
        private readonly List<(string, RequestOutcome)> outcomes = [];
        private int next = -1;

        public string Name => "recording";

        public IReadOnlyList<Backend> Backends => backends;

        public IReadOnlyList<(string, RequestOutcome)> Outcomes
        {
            get
            {
                lock (outcomes)
                {
                    return outcomes.ToArray();
                }
            }
        }

        public Lease Pick()
        {
            int index = Interlocked.Increment(ref next) % backends.Length;
            return new Lease(backends[index], index, (lease, outcome, _) =>
            {
                lock (outcomes)
                {
                    outcomes.Add((lease.Backend.Name, outcome));
                }
            });
        }
    }
}
