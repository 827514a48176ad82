using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class MessageQueuesTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N"), "redis-server");

    [Fact]
    public async Task OpenAsync_InProcessRequested_ReturnsInProcessQueueAndSaysSo()
    {
        await using var queue = await MessageQueues.OpenAsync("q", QueueBackend.InProcess).Within();

        Assert.IsType<InProcessQueue>(queue);
        Assert.Contains("In-process", queue.Description);
        Assert.Contains("requested", queue.Description);
    }

    [Fact]
    public async Task OpenCoreAsync_AutoWithoutRedis_FallsBackAndExplainsWhy()
    {
        await using var queue = await MessageQueues.OpenCoreAsync("q", QueueBackend.Auto, Missing, null, CancellationToken.None).Within();

        Assert.IsType<InProcessQueue>(queue);
        Assert.Contains("not installed", queue.Description);
        Assert.DoesNotContain('\n', queue.Description);
    }

    [Fact]
    public async Task OpenCoreAsync_RedisRequiredWithoutRedis_ThrowsInstallHint()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MessageQueues.OpenCoreAsync("q", QueueBackend.Redis, Missing, null, CancellationToken.None).Within());

        Assert.Contains(RedisServer.InstallHint, ex.Message);
    }

    [RedisFact]
    public async Task OpenAsync_AutoWithRedis_ReturnsRedisQueueThatStopsItsServerOnDispose()
    {
        var queue = await MessageQueues.OpenAsync("auto-" + Guid.NewGuid().ToString("N")).Within();
        var redis = Assert.IsType<RedisStreamQueue>(queue);
        Assert.Contains("Redis Streams", queue.Description);
        Assert.DoesNotContain('\n', queue.Description);
        var id = await queue.PublishAsync("hi").Within();
        Assert.Equal(id, Assert.Single(await queue.ReadNewAsync("A").Within()).Id);
        var port = int.Parse(redis.Endpoint.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(redis.Endpoint, queue.Description);

        await queue.DisposeAsync().Within();

        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        listener.Start(); // The owned server is gone, so its port is free again.
        listener.Stop();
    }

    [RedisFact]
    public async Task DisposeAsync_QueueThatStartedItsServer_ServerProcessHasExited()
    {
        var queue = Assert.IsType<RedisStreamQueue>(await MessageQueues.OpenAsync("owned-" + Guid.NewGuid().ToString("N"), QueueBackend.Redis).Within());
        var server = Assert.IsType<RedisServer>(queue.Server);
        Assert.False(server.HasExited);
        Assert.Contains(System.Diagnostics.Process.GetProcesses(), p => p.Id == server.ProcessId);

        await queue.DisposeAsync().Within();

        Assert.True(server.HasExited);
        Assert.DoesNotContain(System.Diagnostics.Process.GetProcesses(), p => p.Id == server.ProcessId);
    }

    [RedisFact]
    public async Task Server_QueueConnectedToSomeoneElsesServer_IsNull()
    {
        await using var server = await RedisServer.StartAsync().Within();
        await using var queue = await RedisStreamQueue.ConnectAsync(server.ConnectionString, "shared-" + Guid.NewGuid().ToString("N")).Within();

        Assert.Null(queue.Server);
    }

    [Fact]
    public async Task OpenAsync_BlankName_ThrowsNamingName()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => MessageQueues.OpenAsync(" ", QueueBackend.InProcess).Within());
        Assert.Equal("name", ex.ParamName);
    }
}
