using Workbook.Queues;

namespace Workbook.Tests.Queues;

[RequiresRedis]
public sealed class RedisStreamQueueContractTests(RedisServerFixture redis) : MessageQueueContract, IClassFixture<RedisServerFixture>
{
    protected override async Task<IMessageQueue> CreateQueueAsync()
    {
        var server = await redis.GetAsync();
        return await RedisStreamQueue.ConnectAsync(server.ConnectionString, stream: "contract-" + Guid.NewGuid().ToString("N")).Within();
    }
}

public class RedisStreamQueueTests
{
    [RedisFact]
    public async Task PublishAsync_ServerKilled_FailsWithQueueUnavailableInsteadOfHanging()
    {
        await using var server = await RedisServer.StartAsync().Within();
        await using var queue = await RedisStreamQueue.ConnectAsync(server.ConnectionString, "doomed").Within();
        await queue.PublishAsync("before").Within();

        server.Kill();

        var ex = await Assert.ThrowsAsync<QueueUnavailableException>(() => queue.PublishAsync("after").Within());
        Assert.Contains(server.ConnectionString, ex.Message);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_FailsWithQueueUnavailable()
    {
        // A port we just released has nobody listening on it.
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var ex = await Assert.ThrowsAsync<QueueUnavailableException>(() => RedisStreamQueue.ConnectAsync($"127.0.0.1:{port}").Within());
        Assert.Contains($"127.0.0.1:{port}", ex.Message);
    }

    [RedisFact]
    public async Task ConnectAsync_SameStreamTwice_SecondJoinsTheExistingGroup()
    {
        await using var server = await RedisServer.StartAsync().Within();
        await using var first = await RedisStreamQueue.ConnectAsync(server.ConnectionString, "shared").Within();
        await first.PublishAsync("hello").Within();

        await using var second = await RedisStreamQueue.ConnectAsync(server.ConnectionString, "shared").Within();
        var message = Assert.Single(await second.ReadNewAsync("A").Within());

        Assert.Equal("hello", message.Payload);
        Assert.Empty(await first.ReadNewAsync("B").Within());
    }
}
