using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Workbook.Networking;

/// <summary>
/// One closed-loop client of the raw-socket path, the way <c>wrk</c> does it: it owns one keep-alive
/// TCP connection, writes the run's pre-encoded GET, and parses the HTTP/1.1 response in place in a
/// buffer it keeps for its whole life. A healthy request allocates nothing.
/// </summary>
/// <remarks>
/// Not thread-safe: one client loop owns it and sends one request at a time. Failures are recorded in
/// the sample with the labels of <see cref="LoadErrors"/>; after any failure, a timeout or a
/// <c>Connection: close</c> the socket is closed and the next request connects afresh. When the run is
/// cancelled the socket is closed and <see cref="OperationCanceledException"/> propagates. Dispose
/// closes the socket.
/// </remarks>
internal sealed partial class RawHttpConnection : ILoadClient
{
    private const int StartBufferSize = 4 * 1024;
    private const int BodyBufferSize = 16 * 1024;

    private readonly RawHttpTarget target;
    private readonly CancellationToken runToken;
    private byte[] buffer = new byte[StartBufferSize];
    private int head; // first unread byte in buffer
    private int tail; // one past the last received byte
    private Socket? socket;
    private long connectedAt;
    private bool reused;
    private bool sawResponseByte;
    private long bodyBytes;

    public RawHttpConnection(RawHttpTarget target, CancellationToken runToken)
    {
        this.target = target;
        this.runToken = runToken;
    }

    /// <summary>How many connections this client has opened, retries included.</summary>
    public int ConnectionsOpened { get; private set; }

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RequestSample> SendAsync(long start, CancellationToken timeout)
    {
        var sample = new RequestSample { Start = start };
        status = 0;
        bodyBytes = 0;
        backend = null;
        bool connecting = false, inBody = false;
        try
        {
            if (socket is not null && Stopwatch.GetElapsedTime(connectedAt, start) > target.ConnectionLifetime)
            {
                Close();
            }

            while (true)
            {
                // HttpClient's rule, kept here: a request written on a connection that already served a
                // response may have met a server that had just closed it. If not one byte came back, the
                // GET is sent once more on a new connection; once any byte arrived it never is.
                bool mayRetry = socket is not null && reused;
                try
                {
                    if (socket is null)
                    {
                        connecting = true;
                        await ConnectAsync(timeout).ConfigureAwait(false);
                        connecting = false;
                    }

                    sawResponseByte = false;
                    await SendRequestAsync(timeout).ConfigureAwait(false);
                    await ReadHeadAsync(timeout).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (mayRetry && !sawResponseByte && IsConnectionLoss(e) && !timeout.IsCancellationRequested)
                {
                    Close();
                }
            }

            sample.Status = status;
            sample.Backend = backend;
            inBody = true;
            await ReadBodyAsync(timeout).ConfigureAwait(false);
            if (closeAfter)
            {
                Close();
            }
            else
            {
                reused = true;
            }
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            Close();
            throw;
        }
        catch (Exception e) when (e is OperationCanceledException or RawHttpFailure or SocketException or ObjectDisposedException)
        {
            Close();
            sample.Error = e switch
            {
                OperationCanceledException => LoadErrors.Timeout,
                RawHttpFailure failure => failure.Label,
                SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } when connecting => LoadErrors.NameResolutionError,
                _ when connecting => LoadErrors.ConnectionError,
                _ when inBody => LoadErrors.BodyBroken,
                _ => LoadErrors.ConnectionLost,
            };
        }
        catch (Exception e)
        {
            // Anything else is labelled by its type, as LoadSender labels the exceptions it does not know.
            Close();
            sample.Error = e.GetType().Name;
        }

        sample.Bytes = bodyBytes;
        sample.End = Stopwatch.GetTimestamp();
        return sample;
    }

    /// <inheritdoc />
    public void Dispose() => Close();

    private static bool IsConnectionLoss(Exception e) =>
        e is SocketException or ObjectDisposedException || (e is RawHttpFailure { Label: LoadErrors.ResponseEnded });

    private async ValueTask ConnectAsync(CancellationToken timeout)
    {
        IPEndPoint[] endPoints = await target.EndPointsAsync(timeout).ConfigureAwait(false);
        for (int i = 0; ; i++)
        {
            var fresh = new Socket(endPoints[i].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await fresh.ConnectAsync(endPoints[i], timeout).ConfigureAwait(false);
            }
            catch (SocketException) when (i + 1 < endPoints.Length)
            {
                fresh.Dispose();
                continue;
            }
            catch
            {
                fresh.Dispose();
                throw;
            }

            socket = fresh;
            connectedAt = Stopwatch.GetTimestamp();
            reused = false;
            head = tail = 0;
            ConnectionsOpened++;
            return;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendRequestAsync(CancellationToken timeout)
    {
        ReadOnlyMemory<byte> left = target.Request;
        while (!left.IsEmpty)
        {
            int sent = await socket!.SendAsync(left, SocketFlags.None, timeout).ConfigureAwait(false);
            left = left[sent..];
        }
    }

    /// <summary>Reads until a final status line and its headers are parsed; 1xx interim responses are skipped.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadHeadAsync(CancellationToken timeout)
    {
        while (true)
        {
            if (TryParseHead())
            {
                if (status is >= 100 and < 200 && status != 101)
                {
                    continue;
                }

                return;
            }

            if (!MakeRoom(headerLimit: true))
            {
                throw new RawHttpFailure(LoadErrors.HeadersTooLarge);
            }

            int read = await socket!.ReceiveAsync(buffer.AsMemory(tail), SocketFlags.None, timeout).ConfigureAwait(false);
            if (read == 0)
            {
                throw new RawHttpFailure(LoadErrors.ResponseEnded);
            }

            sawResponseByte = true;
            tail += read;
        }
    }

    /// <summary>Drains the body the headers announced, counting its bytes (de-chunked).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadBodyAsync(CancellationToken timeout)
    {
        if (status is (>= 100 and < 200) or 204 or 304)
        {
            return;
        }

        if (chunked)
        {
            while (true)
            {
                long size;
                while (!TryTakeChunkSize(out size))
                {
                    await ReceiveBodyBytesAsync(timeout).ConfigureAwait(false);
                }

                if (size == 0)
                {
                    while (!TryTakeTrailers())
                    {
                        await ReceiveBodyBytesAsync(timeout).ConfigureAwait(false);
                    }

                    return;
                }

                await DrainAsync(size, timeout).ConfigureAwait(false);
                while (!TryTakeChunkEnd())
                {
                    await ReceiveBodyBytesAsync(timeout).ConfigureAwait(false);
                }
            }
        }

        if (contentLength >= 0)
        {
            await DrainAsync(contentLength, timeout).ConfigureAwait(false);
            return;
        }

        // Neither a length nor chunks: the body is everything up to the server closing the connection.
        closeAfter = true;
        bodyBytes += tail - head;
        head = tail = 0;
        int read;
        while ((read = await socket!.ReceiveAsync(buffer, SocketFlags.None, timeout).ConfigureAwait(false)) > 0)
        {
            bodyBytes += read;
        }
    }

    /// <summary>Consumes <paramref name="size"/> body bytes: what the buffer holds first, then straight from the socket.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask DrainAsync(long size, CancellationToken timeout)
    {
        long left = size - Consume(size);
        if (left > 0 && buffer.Length < BodyBufferSize)
        {
            // A body bigger than the first buffer: read it in larger pieces from now on (fewer system calls).
            byte[] larger = new byte[BodyBufferSize];
            buffer.AsSpan(head, tail - head).CopyTo(larger);
            (buffer, tail, head) = (larger, tail - head, 0);
        }

        while (left > 0)
        {
            head = tail = 0;
            int read = await socket!.ReceiveAsync(buffer, SocketFlags.None, timeout).ConfigureAwait(false);
            if (read == 0)
            {
                throw new RawHttpFailure(LoadErrors.BodyFailed);
            }

            tail = read;
            left -= Consume(left);
        }
    }

    /// <summary>Receives more bytes for a chunk-size line, a chunk's end or trailers.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReceiveBodyBytesAsync(CancellationToken timeout)
    {
        if (!MakeRoom(headerLimit: false))
        {
            throw new RawHttpFailure(LoadErrors.BodyFailed);
        }

        int read = await socket!.ReceiveAsync(buffer.AsMemory(tail), SocketFlags.None, timeout).ConfigureAwait(false);
        if (read == 0)
        {
            throw new RawHttpFailure(LoadErrors.BodyFailed);
        }

        tail += read;
    }

    /// <summary>Takes up to <paramref name="wanted"/> buffered bytes as body; returns how many.</summary>
    private int Consume(long wanted)
    {
        int taken = (int)Math.Min(wanted, tail - head);
        head += taken;
        bodyBytes += taken;
        return taken;
    }

    /// <summary>Frees space after <see cref="tail"/>: moves unread bytes to the front, or grows the buffer up to the header limit.</summary>
    private bool MakeRoom(bool headerLimit)
    {
        if (head == tail)
        {
            head = tail = 0;
        }

        if (tail < buffer.Length)
        {
            return true;
        }

        if (head > 0)
        {
            buffer.AsSpan(head, tail - head).CopyTo(buffer);
            (tail, head) = (tail - head, 0);
            return true;
        }

        int limit = headerLimit ? MaxHeadBytes : BodyBufferSize;
        if (buffer.Length >= limit)
        {
            return false;
        }

        Array.Resize(ref buffer, Math.Min(limit, buffer.Length * 2));
        return true;
    }

    private void Close()
    {
        socket?.Dispose();
        socket = null;
        reused = false;
        head = tail = 0;
    }

    /// <summary>A response the client cannot use, carrying the label HttpClient's error would get.</summary>
    private sealed class RawHttpFailure(string label) : Exception(label)
    {
        public string Label { get; } = label;
    }
}
