using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workbook.Tests.Networking;

/// <summary>
/// A hand-made HTTP server for client tests: a <see cref="TcpListener"/> on 127.0.0.1, port 0, that
/// runs a test's script on every accepted connection, so a test can answer with exactly the bytes,
/// splits, closes and silences it wants to see the client cope with.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<ScriptedConnection, CancellationToken, Task> script;
    private readonly List<Task> connections = [];
    private readonly List<Socket> sockets = [];
    private readonly Task accepting;
    private int accepted;

    private ScriptedHttpServer(Func<ScriptedConnection, CancellationToken, Task> script)
    {
        this.script = script;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref accepted);

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>Starts a server running <paramref name="script"/> on each connection.</summary>
    public static ScriptedHttpServer Start(Func<ScriptedConnection, CancellationToken, Task> script) => new(script);

    /// <summary>Starts a server that answers every request on a connection with <paramref name="respond"/>.</summary>
    public static ScriptedHttpServer EveryRequest(Func<ScriptedConnection, CancellationToken, Task> respond) =>
        new(async (connection, token) =>
        {
            while (await connection.ReadRequestAsync(token))
            {
                await respond(connection, token);
            }
        });

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                Socket socket = await listener.AcceptSocketAsync(stop.Token);
                socket.NoDelay = true;
                Interlocked.Increment(ref accepted);
                lock (connections)
                {
                    sockets.Add(socket);
                    connections.Add(RunAsync(new ScriptedConnection(socket)));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RunAsync(ScriptedConnection connection)
    {
        try
        {
            await script(connection, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The client went away or the test is over.
        }
        finally
        {
            connection.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting.WaitAsync(Bound);
        Task[] all;
        lock (connections)
        {
            sockets.ForEach(s => s.Dispose());
            all = [.. connections];
        }

        await Task.WhenAll(all).WaitAsync(Bound);
        stop.Dispose();
    }
}

/// <summary>One accepted connection, as the script sees it.</summary>
internal sealed class ScriptedConnection(Socket socket)
{
    private readonly byte[] buffer = new byte[8192];
    private readonly StringBuilder pending = new();

    /// <summary>Requests read on this connection.</summary>
    public int Requests { get; private set; }

    /// <summary>Reads one request head (up to the blank line); false when the client closed the connection first.</summary>
    public async Task<bool> ReadRequestAsync(CancellationToken token)
    {
        while (true)
        {
            string text = pending.ToString();
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                pending.Remove(0, end + 4);
                Requests++;
                return true;
            }

            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, token);
            if (read == 0)
            {
                return false;
            }

            pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    /// <summary>Sends text as ASCII, in one write.</summary>
    public async Task WriteAsync(string text, CancellationToken token)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        int sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, token);
        }
    }

    /// <summary>Sends text in pieces of <paramref name="piece"/> bytes, pausing between them so they tend to arrive as separate reads.</summary>
    public async Task WriteInPiecesAsync(string text, int piece, CancellationToken token)
    {
        for (int i = 0; i < text.Length; i += piece)
        {
            await WriteAsync(text.Substring(i, Math.Min(piece, text.Length - i)), token);
            await Task.Delay(1, token);
        }
    }

    /// <summary>Closes the connection with a reset (RST) instead of an orderly FIN.</summary>
    public void Reset()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>Closes the connection (FIN).</summary>
    public void Close()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        socket.Dispose();
    }
}
