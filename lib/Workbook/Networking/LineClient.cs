using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workbook.Networking;

/// <summary>
/// A client for <see cref="LineServer"/>: sends a line, returns the reply line. <see cref="SendManyAsync"/>
/// pipelines several lines in one write and then reads all their replies.
/// </summary>
/// <remarks>
/// Thread-safety: calls may come from several threads; they are served one exchange at a time, in
/// order, so replies always match their requests. If an exchange is cancelled halfway, the connection
/// can no longer tell which reply belongs to which request: later calls throw
/// <see cref="InvalidOperationException"/>. When the server closes the connection before replying,
/// the call throws <see cref="IOException"/>. Disposing while an exchange is under way makes that
/// exchange fail.
/// </remarks>
public sealed class LineClient : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly PipeReader reader;
    private readonly PipeWriter writer;
    private readonly SemaphoreSlim turn = new(1, 1);
    private bool broken;
    private int disposed;

    private LineClient(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: true);
        reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>Connects to a line server on 127.0.0.1.</summary>
    /// <param name="port">The server's port (<see cref="LineServer.Port"/>).</param>
    /// <param name="cancellationToken">Abandons the connection attempt.</param>
    /// <returns>The connected client; dispose it to close the connection.</returns>
    public static async Task<LineClient> ConnectAsync(int port, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new LineClient(socket);
    }

    /// <summary>Sends one line and returns the server's reply, e.g. "SUM 1 2 3" → "6".</summary>
    /// <param name="line">The request, without a line ending; it must not contain '\n'.</param>
    /// <param name="cancellationToken">Abandons the exchange (and, if it had begun, the connection).</param>
    /// <returns>The reply line.</returns>
    public async Task<string> SendAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        return (await SendManyAsync([line], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Sends several lines in one write, then reads one reply per line, in order.</summary>
    /// <param name="lines">The requests; none may contain '\n'.</param>
    /// <param name="cancellationToken">Abandons the exchange (and, if it had begun, the connection).</param>
    /// <returns>The replies, one per request, in order.</returns>
    public async Task<IReadOnlyList<string>> SendManyAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (string line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (line.Contains('\n'))
            {
                throw new ArgumentException("A line must not contain '\\n': the newline is the frame delimiter.", nameof(lines));
            }
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (broken)
            {
                throw new InvalidOperationException("An earlier exchange was cancelled halfway, so replies can no longer be matched to requests; connect a new client.");
            }

            broken = true; // until this exchange completes
            foreach (string line in lines)
            {
                Encoding.UTF8.GetBytes(line, writer);
                writer.Write("\n"u8);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            var replies = new string[lines.Count];
            for (int i = 0; i < replies.Length; i++)
            {
                replies[i] = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }

            broken = false;
            return replies;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Closes the connection.</summary>
    /// <returns>A task that completes when the socket is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await reader.CompleteAsync().ConfigureAwait(false);
        await writer.CompleteAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        socket.Dispose();
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = read.Buffer;
            if (LineProtocol.TryReadLine(ref buffer, out ReadOnlySequence<byte> line))
            {
                string reply = Encoding.UTF8.GetString(line);
                reader.AdvanceTo(buffer.Start);
                return reply;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                throw new IOException("The server closed the connection before replying.");
            }
        }
    }
}
