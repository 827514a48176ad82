using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Workbook.Networking;

/// <summary>
/// A TCP server for a newline-framed text protocol (<see cref="LineProtocol"/>), built directly on
/// <see cref="Socket"/> and System.IO.Pipelines: an accept loop on 127.0.0.1 and a free port, and one
/// read loop per connection that handles lines split across reads and many lines per read.
/// </summary>
/// <remarks>
/// Thread-safety: the counters may be read from any thread while clients are served. Disposal stops
/// accepting, closes every connection, waits for their loops for up to
/// <see cref="LineServerOptions.ShutdownTimeout"/> and then aborts the stragglers; afterwards the
/// port is closed and no loop is running. Disposing twice is harmless.
/// </remarks>
public sealed class LineServer : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly LineServerOptions options;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<LineConnection, Task> connections = new();
    private readonly Task acceptLoop;
    private readonly Ledger.LedgerEntry ledgerEntry;
    private long accepted;
    private long linesHandled;
    private int disposed;

    private LineServer(Socket listener, LineServerOptions options)
    {
        this.listener = listener;
        this.options = options;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        ledgerEntry = Ledger.ResourceLedger.Listener("LineServer", EndPoint.Address, EndPoint.Port);
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where the server listens: 127.0.0.1 and the port the OS chose.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The TCP port the server listens on.</summary>
    public int Port => EndPoint.Port;

    /// <summary>Connections accepted since the start.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref accepted);

    /// <summary>Connections being served now.</summary>
    public int ConnectionsOpen => connections.Count;

    /// <summary>Request lines answered since the start (too-long lines not included).</summary>
    public long LinesHandled => Interlocked.Read(ref linesHandled);

    /// <summary>Starts listening on 127.0.0.1 and a free port; clients may connect as soon as this returns.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <returns>The running server. Dispose it to stop it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static LineServer Start(LineServerOptions? options = null)
    {
        options ??= new LineServerOptions();
        options.Validate();
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new LineServer(listener, options);
    }

    /// <summary>Stops accepting, closes every connection and waits (bounded) for their loops to end.</summary>
    /// <returns>A task that completes when nothing of the server is running.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        Ledger.ResourceLedger.Closed(ledgerEntry);
        // The accept loop ends first, so no connection can be added after the snapshot below.
        await acceptLoop.ConfigureAwait(false);
        Task[] loops = connections.Values.ToArray();
        try
        {
            await Task.WhenAll(loops).WaitAsync(options.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            foreach (LineConnection connection in connections.Keys)
            {
                connection.Abort();
            }

            await Task.WhenAll(loops).ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    /// <summary>E.g. "line server at 127.0.0.1:41234 (3 open, 120 lines)".</summary>
    /// <returns>The address and counters.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"line server at {EndPoint} ({ConnectionsOpen} open, {LinesHandled:N0} lines)");

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (stopping.IsCancellationRequested && e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection that failed while being accepted (e.g. reset by its client): take the next.
                continue;
            }

            // Small replies should leave at once rather than wait to be coalesced (Nagle's algorithm).
            socket.NoDelay = true;
            Interlocked.Increment(ref accepted);
            var connection = new LineConnection(socket, options.MaxLineLength, () => Interlocked.Increment(ref linesHandled));
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Register before running, so the loop's own removal can never precede its registration.
            Task loop = RunConnectionAsync(connection, started.Task);
            connections[connection] = loop;
            started.SetResult();
        }
    }

    private async Task RunConnectionAsync(LineConnection connection, Task registered)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await connection.RunAsync(stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            connections.TryRemove(connection, out _);
        }
    }
}
