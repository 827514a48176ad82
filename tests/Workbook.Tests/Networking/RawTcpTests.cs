using Workbook.Networking;

namespace Workbook.Tests.Networking;

public sealed class RawTcpTests : LoopbackTest
{
    [Fact]
    public async Task ExchangeAsync_LineSplitAcrossWrites_ServerAnswersEachLine()
    {
        LineServer server = StartLineServer();

        string reply = await RawTcp.ExchangeAsync(server.Port, ["EC", "HO a\nUPP", "ER b\nQUIT\n"], TimeSpan.FromMilliseconds(5)).WaitAsync(Timeout);

        Assert.Equal("a\nB\nBYE\n", reply.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExchangeAsync_GarbageToHttpServer_ReplyStatusIs400()
    {
        DemoServer server = await StartServerAsync();

        string reply = await RawTcp.ExchangeAsync(server.Port, ["HELLO THERE\r\n\r\n"], TimeSpan.Zero).WaitAsync(Timeout);

        Assert.Equal(400, RawTcp.StatusOf(reply));
    }

    [Theory]
    [InlineData("HTTP/1.1 413 Payload Too Large\r\n", 413)]
    [InlineData("garbage", 0)]
    [InlineData("", 0)]
    public void StatusOf_Reply_ReadsTheStatusLine(string reply, int expected) =>
        Assert.Equal(expected, RawTcp.StatusOf(reply));

    [Fact]
    public async Task ExchangeAsync_NoPieces_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => RawTcp.ExchangeAsync(80, [], TimeSpan.Zero));
}
