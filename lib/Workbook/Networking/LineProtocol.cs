using System.Buffers;
using System.Globalization;

namespace Workbook.Networking;

/// <summary>
/// The framing and the commands of the line protocol spoken by <see cref="LineServer"/>: every
/// frame is one UTF-8 line ending in <c>\n</c> (a <c>\r</c> before it is ignored), and every
/// request line gets exactly one reply line.
/// </summary>
/// <remarks>
/// Commands (names are case-insensitive): <c>ECHO text</c> → text; <c>UPPER text</c> → TEXT;
/// <c>SUM 1 2 3</c> → 6; <c>PING</c> → PONG; <c>QUIT</c> → BYE, then the server closes the
/// connection. Anything else gets "ERR …". Pure functions: thread-safe.
/// </remarks>
public static class LineProtocol
{
    /// <summary>The reply to a line naming no known command.</summary>
    public const string UnknownCommand = "ERR unknown command";

    /// <summary>The reply to a line longer than the server's limit, just before it closes the connection.</summary>
    public const string LineTooLong = "ERR line too long";

    /// <summary>The reply to <c>QUIT</c>, just before the server closes the connection.</summary>
    public const string Goodbye = "BYE";

    /// <summary>
    /// Cuts the first complete line off the front of <paramref name="buffer"/>. A line may span
    /// several segments (it arrived in several reads); the caller keeps what is left for the next read.
    /// </summary>
    /// <param name="buffer">The bytes received and not consumed yet; on success, advanced past the line and its <c>\n</c>.</param>
    /// <param name="line">The line without <c>\n</c> (and without a trailing <c>\r</c>).</param>
    /// <returns>False when the buffer holds no complete line yet: read more.</returns>
    public static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out line, (byte)'\n'))
        {
            return false;
        }

        buffer = buffer.Slice(reader.Position);
        if (!line.IsEmpty && EndsWithCarriageReturn(line))
        {
            line = line.Slice(0, line.Length - 1);
        }

        return true;
    }

    /// <summary>The server's reply to one request line, e.g. <c>Reply("SUM 1 2 3")</c> is "6".</summary>
    /// <param name="line">The request line, without its line ending.</param>
    /// <returns>The reply line, without its line ending.</returns>
    public static string Reply(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ReadOnlySpan<char> text = line.AsSpan();
        int space = text.IndexOf(' ');
        ReadOnlySpan<char> command = space < 0 ? text : text[..space];
        ReadOnlySpan<char> argument = space < 0 ? [] : text[(space + 1)..];
        return command switch
        {
            _ when command.IsEmpty => "ERR empty line",
            _ when Is(command, "ECHO") => argument.ToString(),
            _ when Is(command, "UPPER") => argument.ToString().ToUpperInvariant(),
            _ when Is(command, "SUM") => Sum(argument),
            _ when Is(command, "PING") => "PONG",
            _ when Is(command, "QUIT") => Goodbye,
            _ => UnknownCommand,
        };
    }

    /// <summary>True for a line that asks the server to close the connection (<c>QUIT</c>).</summary>
    /// <param name="line">The request line.</param>
    /// <returns>Whether it is a QUIT.</returns>
    public static bool IsQuit(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Trim().Equals("QUIT", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Is(ReadOnlySpan<char> command, string name) => command.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static string Sum(ReadOnlySpan<char> numbers)
    {
        long total = 0;
        foreach (Range range in numbers.Split(' '))
        {
            ReadOnlySpan<char> token = numbers[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                return $"ERR not a number: {token}";
            }

            try
            {
                total = checked(total + value);
            }
            catch (OverflowException)
            {
                return "ERR overflow";
            }
        }

        return total.ToString(CultureInfo.InvariantCulture);
    }

    private static bool EndsWithCarriageReturn(ReadOnlySequence<byte> line)
    {
        // The last byte may sit in a different segment from the rest; slicing finds it cheaply.
        ReadOnlySequence<byte> last = line.Slice(line.Length - 1);
        return last.FirstSpan[0] == (byte)'\r';
    }
}
