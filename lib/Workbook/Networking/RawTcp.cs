using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workbook.Networking;

/// <summary>
/// Talks to a loopback server over a bare TCP socket: sends text in pieces, one socket write per
/// piece with a pause between them, and returns everything the server sends back until it closes
/// the connection. Shows that a stream has no message boundaries, and lets a cell send bytes no
/// well-behaved client would (malformed HTTP).
/// </summary>
/// <remarks>
/// Thread-safe (each call owns its socket). The call ends when the server closes the connection;
/// cancel the token to give up earlier (the socket is closed either way).
/// </remarks>
public static class RawTcp
{
    /// <summary>The most bytes of reply kept: a misbehaving server cannot fill the notebook's memory.</summary>
    public const int MaxReplyBytes = 1024 * 1024;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>, writes each piece (ASCII) separately, then reads until the server closes.</summary>
    /// <param name="port">The server's port, 1 to 65535.</param>
    /// <param name="pieces">The text to send, one socket write per piece; at least one piece.</param>
    /// <param name="gap">Pause between writes, so each piece travels in its own TCP segment (zero for none).</param>
    /// <param name="cancellationToken">Gives up waiting (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The reply as ASCII text.</returns>
    public static async Task<string> ExchangeAsync(int port, IReadOnlyList<string> pieces, TimeSpan gap, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentOutOfRangeException.ThrowIfLessThan(gap, TimeSpan.Zero);
        if (pieces.Count == 0)
        {
            throw new ArgumentException("Give at least one piece of text to send.", nameof(pieces));
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < pieces.Count; i++)
        {
            if (i > 0 && gap > TimeSpan.Zero)
            {
                // Without a pause the kernel may merge the writes; the point is that the reader sees them apart.
                await Task.Delay(gap, cancellationToken).ConfigureAwait(false);
            }

            await socket.SendAsync(Encoding.ASCII.GetBytes(pieces[i]), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }

        var reply = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while (reply.Length < MaxReplyBytes
            && (read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
        {
            reply.Write(buffer, 0, read);
        }

        return Encoding.ASCII.GetString(reply.GetBuffer(), 0, (int)reply.Length);
    }

    /// <summary>The HTTP status code on the first line of a raw reply ("HTTP/1.1 400 Bad Request" gives 400), or 0 if there is none.</summary>
    /// <param name="reply">A raw HTTP reply.</param>
    /// <returns>The status code, or 0.</returns>
    public static int StatusOf(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        string[] words = reply.Split('\n', 2)[0].Split(' ', 3);
        return words.Length >= 2 && words[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(words[1], out int status) ? status : 0;
    }
}
