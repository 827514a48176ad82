using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace Workbook.Networking;

/// <summary>
/// One client connection of a <see cref="LineServer"/>: reads bytes through a <see cref="PipeReader"/>,
/// cuts them into lines with <see cref="LineProtocol.TryReadLine"/> and writes one reply per line.
/// </summary>
/// <remarks>
/// Owned by one server; <see cref="RunAsync"/> runs once. <see cref="Abort"/> may be called from any
/// thread, at any time, to tear the socket down when a graceful stop takes too long.
/// </remarks>
internal sealed class LineConnection(Socket socket, int maxLineLength, Action lineHandled)
{
    // After an error reply the peer may still be sending; reading (and dropping) what it sends for a
    // moment before closing stops the kernel from answering with a reset that could destroy the reply.
    private static readonly TimeSpan LingerLimit = TimeSpan.FromSeconds(1);

    /// <summary>Serves the connection until the client leaves, sends QUIT or a too-long line, or <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var stream = new NetworkStream(socket, ownsSocket: true);
        PipeReader reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        PipeWriter writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        bool linger = false;
        try
        {
            bool open = true;
            while (open)
            {
                ReadResult read = await reader.ReadAsync(stop).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = read.Buffer;
                // Every complete line in this read is answered before one flush: several frames per
                // read cost one send. A partial line stays in the buffer until more bytes arrive.
                Verdict verdict = AnswerLines(ref buffer, writer);
                reader.AdvanceTo(buffer.Start, buffer.End);
                FlushResult flushed = await writer.FlushAsync(stop).ConfigureAwait(false);
                linger = verdict == Verdict.TooLong;
                open = verdict == Verdict.KeepOpen && !read.IsCompleted && !flushed.IsCompleted;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The server is stopping: close below.
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The client vanished (reset or broken pipe) or the server aborted us: nothing left to answer.
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
            await CloseAsync(linger && !stop.IsCancellationRequested).ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Tears the connection down at once; a pending read or write ends with an exception.</summary>
    public void Abort() => socket.Dispose();

    private Verdict AnswerLines(ref ReadOnlySequence<byte> buffer, PipeWriter writer)
    {
        while (LineProtocol.TryReadLine(ref buffer, out ReadOnlySequence<byte> line))
        {
            if (line.Length > maxLineLength)
            {
                WriteLine(writer, LineProtocol.LineTooLong);
                return Verdict.TooLong;
            }

            string request = Encoding.UTF8.GetString(line);
            WriteLine(writer, LineProtocol.Reply(request));
            lineHandled();
            if (LineProtocol.IsQuit(request))
            {
                return Verdict.Close;
            }
        }

        // No newline yet: a partial line already longer than the limit can never become valid.
        if (buffer.Length > maxLineLength)
        {
            WriteLine(writer, LineProtocol.LineTooLong);
            return Verdict.TooLong;
        }

        return Verdict.KeepOpen;
    }

    private static void WriteLine(PipeWriter writer, string reply)
    {
        Encoding.UTF8.GetBytes(reply, writer);
        writer.Write("\n"u8);
    }

    private async Task CloseAsync(bool drainFirst)
    {
        try
        {
            // FIN after the last reply, so the client reads every reply and then a clean end of stream.
            socket.Shutdown(SocketShutdown.Send);
            if (drainFirst)
            {
                using var limit = new CancellationTokenSource(LingerLimit);
                byte[] scratch = ArrayPool<byte>.Shared.Rent(4096);
                try
                {
                    while (await socket.ReceiveAsync(scratch, SocketFlags.None, limit.Token).ConfigureAwait(false) > 0)
                    {
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(scratch);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Already reset, aborted or past the linger limit: just close.
        }
    }

    private enum Verdict
    {
        KeepOpen,
        Close,
        TooLong,
    }
}
