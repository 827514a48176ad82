using Workbook.Networking;

namespace Workbook.Tests.Networking;

public sealed class ClientReuseTests : LoopbackTest
{
    [Fact]
    public async Task SharedClientAsync_ManyRequests_OpensAtMostOneConnectionPerConcurrentRequest()
    {
        DemoServer server = await StartServerAsync();

        ClientReuseResult result = await ClientReuse.SharedClientAsync(server, requests: 60, concurrency: 4).WaitAsync(Timeout);

        Assert.Equal((60, 0), (result.Requests, result.Failures));
        Assert.InRange(result.ConnectionsOpened, 1, 4);
        Assert.Equal(60, server.Stats.RequestsServed);
    }

    [Fact]
    public async Task ClientPerRequestAsync_ManyRequests_OpensOneConnectionPerRequest()
    {
        DemoServer server = await StartServerAsync();

        ClientReuseResult result = await ClientReuse.ClientPerRequestAsync(server, requests: 60, concurrency: 4).WaitAsync(Timeout);

        Assert.Equal((60, 0), (result.Requests, result.Failures));
        Assert.Equal(60, result.ConnectionsOpened);
        if (result.SocketsInTimeWait is { } timeWait)
        {
            Assert.True(timeWait >= 30, $"only {timeWait} sockets in TIME_WAIT after 60 closed connections");
        }
    }

    [Fact]
    public async Task CompareAsync_SameRequests_PerRequestOpensManyMoreConnections()
    {
        DemoServer server = await StartServerAsync();

        ClientReuseComparison comparison = await ClientReuse.CompareAsync(server, requests: 40, concurrency: 2).WaitAsync(Timeout);

        Assert.InRange(comparison.Shared.ConnectionsOpened, 1, 2);
        Assert.Equal(40, comparison.PerRequest.ConnectionsOpened);
        Assert.True(comparison.ConnectionRatio >= 20);
        Assert.Contains("client per request", comparison.ToString());
    }

    [Fact]
    public async Task SharedClientAsync_FaultyServer_CountsEveryFailure()
    {
        DemoServer server = await StartServerAsync(new DemoServerOptions { Faulty = true });

        ClientReuseResult result = await ClientReuse.SharedClientAsync(server, requests: 10, concurrency: 2).WaitAsync(Timeout);

        Assert.Equal(10, result.Failures);
    }

    [Fact]
    public async Task SharedClientAsync_ZeroRequests_IsRejected()
    {
        DemoServer server = await StartServerAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ClientReuse.SharedClientAsync(server, requests: 0).WaitAsync(Timeout));
    }
}
