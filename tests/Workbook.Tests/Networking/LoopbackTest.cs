using System.Net;
using System.Net.Sockets;
using System.Text;
using Workbook.Networking;

namespace Workbook.Tests.Networking;

/// <summary>
/// Base for tests that start servers: every server started through it is disposed after the test,
/// and the test fails if any of their ports is still listening then.
/// </summary>
public abstract class LoopbackTest : IAsyncLifetime
{
    /// <summary>The bound on every await in these tests: a deadlock fails instead of hanging.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<IAsyncDisposable> owned = [];
    private readonly List<int> ports = [];

    protected async Task<DemoServer> StartServerAsync(DemoServerOptions? options = null)
    {
        DemoServer server = await DemoServer.StartAsync(options).WaitAsync(Timeout);
        owned.Add(server);
        ports.Add(server.Port);
        return server;
    }

    protected async Task<DemoServerGroup> StartServersAsync(int count, Func<int, DemoServerOptions, DemoServerOptions>? configure = null)
    {
        DemoServerGroup group = await DemoServer.StartManyAsync(count, configure: configure).WaitAsync(Timeout);
        owned.Add(group);
        ports.AddRange(group.Select(s => s.Port));
        return group;
    }

    /// <summary>Adopts something started elsewhere (a farm, a proxy): it is disposed after the test, and its ports must be closed then.</summary>
    protected T Own<T>(T item, params IEnumerable<int> listeningOn)
        where T : IAsyncDisposable
    {
        owned.Add(item);
        ports.AddRange(listeningOn);
        return item;
    }

    protected LineServer StartLineServer(LineServerOptions? options = null)
    {
        LineServer server = LineServer.Start(options);
        owned.Add(server);
        ports.Add(server.Port);
        return server;
    }

    /// <summary>Sends raw bytes to a port and returns everything the server sends back until it closes the connection.</summary>
    protected static async Task<string> SendRawAsync(int port, string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeout);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request)).WaitAsync(Timeout);
        var reply = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer).WaitAsync(Timeout)) > 0)
        {
            reply.Write(buffer, 0, read);
        }

        return Encoding.ASCII.GetString(reply.ToArray());
    }

    protected static HttpClient NewClient() => new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout };

    /// <summary>Waits, bounded, until a condition on live state holds (a condition wait, not a sleep).</summary>
    protected static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var bound = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            if (bound.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (IAsyncDisposable item in owned)
        {
            await item.DisposeAsync().AsTask().WaitAsync(Timeout);
        }

        foreach (int port in ports)
        {
            Assert.False(SocketCensus.IsListening(port), $"port {port} is still listening after the test");
        }
    }
}
