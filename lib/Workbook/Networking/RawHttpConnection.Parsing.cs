using System.Buffers.Text;
using System.Text;

namespace Workbook.Networking;

/// <summary>The in-place HTTP/1.1 response parser of <see cref="RawHttpConnection"/>: status line, headers, chunk framing.</summary>
internal sealed partial class RawHttpConnection
{
    /// <summary>HttpClient's default limit on the header block (<c>MaxResponseHeadersLength</c>, 64 KB).</summary>
    private const int MaxHeadBytes = 64 * 1024;

    private static readonly byte[] BackendName = Encoding.ASCII.GetBytes(DemoServer.BackendHeader);

    private int status;
    private long contentLength;
    private bool chunked;
    private bool closeAfter;
    private string? backend;
    // The last backend name seen and its bytes: a server answers with the same name every time, so the
    // string is built once per connection instead of once per response.
    private byte[]? backendBytes;
    private string? backendText;

    /// <summary>
    /// Parses a status line and headers from the unread bytes. Returns false, consuming nothing, when
    /// the blank line that ends them has not arrived yet; the next call starts over from the status line.
    /// </summary>
    private bool TryParseHead()
    {
        ReadOnlySpan<byte> data = buffer.AsSpan(head, tail - head);
        int end = data.IndexOf((byte)'\n');
        if (end < 0)
        {
            return false;
        }

        ParseStatusLine(TrimCarriageReturn(data[..end]));
        int position = end + 1;
        contentLength = -1;
        chunked = false;
        backend = null;
        bool lengthSeen = false, encodingSeen = false;
        while (true)
        {
            end = data[position..].IndexOf((byte)'\n');
            if (end < 0)
            {
                return false;
            }

            ReadOnlySpan<byte> line = TrimCarriageReturn(data.Slice(position, end));
            position += end + 1;
            if (line.IsEmpty)
            {
                break;
            }

            int colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t' || line[colon - 1] is (byte)' ' or (byte)'\t')
            {
                throw new RawHttpFailure(LoadErrors.InvalidResponse);
            }

            ReadOnlySpan<byte> name = line[..colon];
            ReadOnlySpan<byte> value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out int used) || used != value.Length || length < 0
                    || (lengthSeen && length != contentLength))
                {
                    throw new RawHttpFailure(LoadErrors.InvalidResponse);
                }

                (contentLength, lengthSeen) = (length, true);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // The last coding decides: "chunked" must come last when it is used at all.
                encodingSeen = true;
                chunked = Ascii.EqualsIgnoreCase(LastToken(value), "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (HasToken(value, "close"u8))
                {
                    closeAfter = true;
                }
                else if (HasToken(value, "keep-alive"u8))
                {
                    closeAfter = status == 101;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, BackendName))
            {
                string text = BackendText(value);
                backend = backend is null ? text : $"{backend}, {text}";
            }
        }

        if (encodingSeen)
        {
            // A transfer coding overrides any length; without chunks the body runs to the connection's end.
            contentLength = -1;
        }

        head += position;
        return true;
    }

    private void ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // "HTTP/1.1 200 OK": version, a space, three digits, then a space and a reason or nothing.
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)line[7]) || line[8] != (byte)' '
            || !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11])
            || (line.Length > 12 && line[12] != (byte)' '))
        {
            throw new RawHttpFailure(LoadErrors.InvalidResponse);
        }

        status = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        if (status < 100)
        {
            throw new RawHttpFailure(LoadErrors.InvalidResponse);
        }

        // HTTP/1.0 closes after each response unless it says keep-alive; 101 hands the connection to another protocol.
        closeAfter = line[7] == (byte)'0' || status == 101;
    }

    /// <summary>Takes a chunk-size line ("1a", "1a;name=value"); false when it is not complete yet.</summary>
    private bool TryTakeChunkSize(out long size)
    {
        size = 0;
        if (!TryTakeLine(out ReadOnlySpan<byte> line))
        {
            return false;
        }

        int extension = line.IndexOf((byte)';');
        ReadOnlySpan<byte> digits = (extension >= 0 ? line[..extension] : line).Trim(" \t"u8);
        if (!Utf8Parser.TryParse(digits, out size, out int used, 'X') || used != digits.Length || size < 0)
        {
            throw new RawHttpFailure(LoadErrors.BodyFailed);
        }

        return true;
    }

    /// <summary>Takes the line break that ends a chunk's data; false when it has not arrived yet.</summary>
    private bool TryTakeChunkEnd()
    {
        if (!TryTakeLine(out ReadOnlySpan<byte> line))
        {
            return false;
        }

        return line.IsEmpty ? true : throw new RawHttpFailure(LoadErrors.BodyFailed);
    }

    /// <summary>Takes trailer lines up to the blank line that ends the message; false when it has not arrived yet.</summary>
    private bool TryTakeTrailers()
    {
        while (TryTakeLine(out ReadOnlySpan<byte> line))
        {
            if (line.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes one line (without its CR LF) from the unread bytes; false, consuming nothing, when no line break has arrived.</summary>
    private bool TryTakeLine(out ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> data = buffer.AsSpan(head, tail - head);
        int end = data.IndexOf((byte)'\n');
        if (end < 0)
        {
            line = default;
            return false;
        }

        line = TrimCarriageReturn(data[..end]);
        head += end + 1;
        return true;
    }

    private string BackendText(ReadOnlySpan<byte> value)
    {
        if (backendBytes is null || !value.SequenceEqual(backendBytes))
        {
            backendBytes = value.ToArray();
            backendText = Encoding.Latin1.GetString(value);
        }

        return backendText!;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> LastToken(ReadOnlySpan<byte> value)
    {
        int comma = value.LastIndexOf((byte)',');
        return (comma >= 0 ? value[(comma + 1)..] : value).Trim(" \t"u8);
    }

    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (Range part in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[part].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }
}
