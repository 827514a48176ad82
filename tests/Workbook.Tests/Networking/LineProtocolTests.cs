using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Workbook.Networking;

namespace Workbook.Tests.Networking;

public sealed class LineProtocolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("ECHO hello world", "hello world")]
    [InlineData("echo mixed Case", "mixed Case")]
    [InlineData("ECHO", "")]
    [InlineData("UPPER héllo wörld", "HÉLLO WÖRLD")]
    [InlineData("UPPER abc", "ABC")]
    [InlineData("SUM 1 2 3", "6")]
    [InlineData("SUM  -4   10 ", "6")]
    [InlineData("SUM", "0")]
    [InlineData("SUM 1 two", "ERR not a number: two")]
    [InlineData("SUM 9223372036854775807 1", "ERR overflow")]
    [InlineData("PING", "PONG")]
    [InlineData("QUIT", "BYE")]
    [InlineData("", "ERR empty line")]
    [InlineData("DANCE now", "ERR unknown command")]
    public void Reply_Command_GivesTheDocumentedAnswer(string line, string expected)
        => Assert.Equal(expected, LineProtocol.Reply(line));

    [Fact]
    public void TryReadLine_LineSpreadOverThreeSegments_IsReassembled()
    {
        ReadOnlySequence<byte> buffer = Segments("EC", "HO a\r", "\nUPP");

        Assert.True(LineProtocol.TryReadLine(ref buffer, out ReadOnlySequence<byte> line));
        Assert.Equal("ECHO a", Encoding.UTF8.GetString(line));
        Assert.Equal("UPP", Encoding.UTF8.GetString(buffer));
        Assert.False(LineProtocol.TryReadLine(ref buffer, out _));
        Assert.Equal("UPP", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public void TryReadLine_SeveralLinesInOneSegment_ReturnsEachInOrder()
    {
        ReadOnlySequence<byte> buffer = Segments("A\nBB\n\nCCC\nrest");
        var lines = new List<string>();

        while (LineProtocol.TryReadLine(ref buffer, out ReadOnlySequence<byte> line))
        {
            lines.Add(Encoding.UTF8.GetString(line));
        }

        Assert.Equal(["A", "BB", "", "CCC"], lines);
        Assert.Equal("rest", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public async Task TryReadLine_BytesArrivingInPiecesThroughAPipe_YieldsLinesOnlyWhenComplete()
    {
        var pipe = new Pipe();
        var seen = new List<string>();

        foreach (string piece in new[] { "EC", "HO a\nUPP", "ER b\n" })
        {
            await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(piece)).AsTask().WaitAsync(Timeout);
            ReadResult read = await pipe.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
            ReadOnlySequence<byte> buffer = read.Buffer;
            while (LineProtocol.TryReadLine(ref buffer, out ReadOnlySequence<byte> line))
            {
                seen.Add(LineProtocol.Reply(Encoding.UTF8.GetString(line)));
            }

            seen.Add($"| {buffer.Length} left");
            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
        }

        Assert.Equal(["| 2 left", "a", "| 3 left", "B", "| 0 left"], seen);
    }

    [Theory]
    [InlineData("QUIT", true)]
    [InlineData(" quit ", true)]
    [InlineData("QUITE", false)]
    public void IsQuit_Line_RecognisesOnlyQuit(string line, bool expected) => Assert.Equal(expected, LineProtocol.IsQuit(line));

    private static ReadOnlySequence<byte> Segments(params string[] parts)
    {
        var first = new Segment(Encoding.UTF8.GetBytes(parts[0]), 0);
        Segment last = first;
        foreach (string part in parts.Skip(1))
        {
            last = last.Append(Encoding.UTF8.GetBytes(part));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
