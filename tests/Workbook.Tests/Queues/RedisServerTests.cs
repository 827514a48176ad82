using System.Net;
using System.Net.Sockets;
using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class RedisServerTests
{
    [RedisFact]
    public async Task DisposeAsync_RunningServer_PortFreedProcessExitedDirectoryRemoved()
    {
        var server = await RedisServer.StartAsync().Within();
        var port = server.Port;
        var directory = server.DataDirectory;
        var pid = server.ProcessId;
        Assert.True(Directory.Exists(directory));
        Assert.False(server.HasExited);

        await server.DisposeAsync().Within();

        Assert.True(server.HasExited);
        Assert.False(Directory.Exists(directory));
        Assert.False(IsRunning(pid));
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(); // Throws if anything still holds the port.
        listener.Stop();
    }

    [RedisFact]
    public async Task StartAsync_Running_AnswersPingOnLoopback()
    {
        await using var server = await RedisServer.StartAsync().Within();

        var reply = await server.TrySendAsync("PING", CancellationToken.None).Within();

        Assert.Equal("+PONG", reply);
        Assert.Equal($"127.0.0.1:{server.Port}", server.ConnectionString);
        Assert.StartsWith(Path.GetTempPath().TrimEnd('/'), server.DataDirectory);
    }

    [Fact]
    public void CreateStartInfo_AnyServer_LoopbackNoPersistenceAndMarkedAsChild()
    {
        var start = RedisLauncher.CreateStartInfo("/usr/bin/redis-server", 40123, "/tmp/wb");

        Assert.Equal(
            ["--port", "40123", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", "/tmp/wb", "--daemonize", "no"],
            start.ArgumentList);
        Assert.Equal("1", start.Environment["WORKBOOK_CHILD"]);
        Assert.Equal(Environment.ProcessId.ToString(), start.Environment["WORKBOOK_PARENT_PID"]);
        Assert.Equal("/tmp/wb", start.WorkingDirectory);
    }

    [RedisFact]
    public async Task StartAsync_TwoServers_GetDifferentPortsAndDirectories()
    {
        await using var one = await RedisServer.StartAsync().Within();
        await using var two = await RedisServer.StartAsync().Within();

        Assert.NotEqual(one.Port, two.Port);
        Assert.NotEqual(one.DataDirectory, two.DataDirectory);
    }

    [RedisFact]
    public async Task DisposeAsync_AfterKill_StillCleansUpAndIsIdempotent()
    {
        var server = await RedisServer.StartAsync().Within();
        var directory = server.DataDirectory;

        server.Kill();
        await server.DisposeAsync().Within();
        await server.DisposeAsync().Within();

        Assert.True(server.HasExited);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task StartAsync_MissingBinary_ThrowsWithInstallHint()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "redis-server");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => RedisServer.StartAsync(missing).Within());

        Assert.Contains("redis-server not installed: apt-get install redis-server", ex.Message);
        Assert.Contains(missing, ex.Message);
    }

    [Fact]
    public void FindBinary_NotOnPathAndNoFallback_ReturnsNull()
    {
        var emptyDirectory = Directory.CreateTempSubdirectory("workbook-empty-").FullName;
        try
        {
            Assert.Null(RedisServer.FindBinary(emptyDirectory, []));
        }
        finally
        {
            Directory.Delete(emptyDirectory);
        }
    }

    [Fact]
    public void FindBinary_OnPath_ReturnsThatFile()
    {
        var directory = Directory.CreateTempSubdirectory("workbook-fake-redis-").FullName;
        try
        {
            var fake = Path.Combine(directory, OperatingSystem.IsWindows() ? "redis-server.exe" : "redis-server");
            File.WriteAllText(fake, string.Empty);

            Assert.Equal(fake, RedisServer.FindBinary("/nonexistent" + Path.PathSeparator + directory, []));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
