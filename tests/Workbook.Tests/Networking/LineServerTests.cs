using System.Net;
using System.Net.Sockets;
using System.Text;
using Workbook.Networking;

namespace Workbook.Tests.Networking;

public sealed class LineServerTests : LoopbackTest
{
    [Fact]
    public async Task Start_Default_ListensOnLoopbackWithAFreePort()
    {
        LineServer server = StartLineServer();

        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        Assert.NotEqual(0, server.Port);
        await using LineClient client = await LineClient.ConnectAsync(server.Port).WaitAsync(Timeout);
        Assert.Equal("PONG", await client.SendAsync("PING").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Connection_FrameSplitAcrossWrites_IsParsedCorrectly()
    {
        LineServer server = StartLineServer();
        using Socket socket = await ConnectRawAsync(server.Port);
        var replies = new ReplyReader(socket);

        await SendAsync(socket, "EC");
        await SendAsync(socket, "HO a\nUPP");
        Assert.Equal("a", await replies.NextAsync());
        await SendAsync(socket, "ER b\n");

        Assert.Equal("B", await replies.NextAsync());
    }

    [Fact]
    public async Task Connection_ManyFramesInOneWrite_AnswersEachInOrder()
    {
        LineServer server = StartLineServer();
        using Socket socket = await ConnectRawAsync(server.Port);
        var replies = new ReplyReader(socket);

        await SendAsync(socket, string.Concat(Enumerable.Range(1, 200).Select(i => $"SUM {i} {i}\r\n")));

        for (int i = 1; i <= 200; i++)
        {
            Assert.Equal((2 * i).ToString(), await replies.NextAsync());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Connection_LineTooLong_RepliesErrorAndCloses(bool withNewline)
    {
        LineServer server = StartLineServer(new LineServerOptions { MaxLineLength = 16 });
        using Socket socket = await ConnectRawAsync(server.Port);
        var replies = new ReplyReader(socket);

        await SendAsync(socket, "ECHO " + new string('x', 200) + (withNewline ? "\n" : ""));

        Assert.Equal(LineProtocol.LineTooLong, await replies.NextAsync());
        Assert.Null(await replies.NextAsync()); // then the server closes the connection
    }

    [Fact]
    public async Task Connection_LineExactlyAtTheLimit_IsAccepted()
    {
        LineServer server = StartLineServer(new LineServerOptions { MaxLineLength = 16 });
        await using LineClient client = await LineClient.ConnectAsync(server.Port).WaitAsync(Timeout);

        Assert.Equal("0123456789A", await client.SendAsync("ECHO 0123456789A").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Connection_Quit_SaysByeAndCloses()
    {
        LineServer server = StartLineServer();
        await using LineClient client = await LineClient.ConnectAsync(server.Port).WaitAsync(Timeout);

        Assert.Equal(LineProtocol.Goodbye, await client.SendAsync("QUIT").WaitAsync(Timeout));
        await Assert.ThrowsAsync<IOException>(() => client.SendAsync("PING").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Server_HundredClientsSendingHundredLinesEach_AnswersEveryLineCorrectly()
    {
        const int clients = 100, lines = 100;
        LineServer server = StartLineServer();

        int[] correct = await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            await using LineClient client = await LineClient.ConnectAsync(server.Port);
            int right = 0;
            for (int i = 0; i < lines; i++)
            {
                string reply = await client.SendAsync(i % 2 == 0 ? $"SUM {c} {i}" : $"UPPER c{c}-{i}");
                right += reply == (i % 2 == 0 ? (c + i).ToString() : $"C{c}-{i}") ? 1 : 0;
            }

            return right;
        })).WaitAsync(Timeout);

        Assert.All(correct, n => Assert.Equal(lines, n));
        Assert.Equal(clients * lines, server.LinesHandled);
        Assert.Equal(clients, server.ConnectionsAccepted);
    }

    [Fact]
    public async Task SendManyAsync_PipelinedLines_RepliesMatchRequestsInOrder()
    {
        LineServer server = StartLineServer();
        await using LineClient client = await LineClient.ConnectAsync(server.Port).WaitAsync(Timeout);
        string[] requests = Enumerable.Range(0, 500).Select(i => $"ECHO {i}").ToArray();

        IReadOnlyList<string> replies = await client.SendManyAsync(requests).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(0, 500).Select(i => i.ToString()), replies);
    }

    [Fact]
    public async Task SendAsync_LineWithNewline_IsRejected()
    {
        LineServer server = StartLineServer();
        await using LineClient client = await LineClient.ConnectAsync(server.Port).WaitAsync(Timeout);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("ECHO a\nECHO b").WaitAsync(Timeout));
    }

    [Fact]
    public async Task DisposeAsync_WithConnectedClients_ClosesThemAndThePort()
    {
        LineServer server = LineServer.Start();
        int port = server.Port;
        await using LineClient first = await LineClient.ConnectAsync(port).WaitAsync(Timeout);
        await using LineClient second = await LineClient.ConnectAsync(port).WaitAsync(Timeout);
        Assert.Equal("PONG", await first.SendAsync("PING").WaitAsync(Timeout));
        Assert.Equal("PONG", await second.SendAsync("PING").WaitAsync(Timeout));

        await server.DisposeAsync().AsTask().WaitAsync(Timeout);

        Assert.Equal(0, server.ConnectionsOpen);
        await Assert.ThrowsAsync<IOException>(() => first.SendAsync("PING").WaitAsync(Timeout));
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeout));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public void Start_ZeroLineLength_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LineServer.Start(new LineServerOptions { MaxLineLength = 0 }));

    private static async Task<Socket> ConnectRawAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeout);
        return socket;
    }

    private static Task SendAsync(Socket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text)).WaitAsync(Timeout);

    /// <summary>Reads newline-terminated replies from a raw socket; null at end of stream.</summary>
    private sealed class ReplyReader(Socket socket)
    {
        private readonly StreamReader reader = new(new NetworkStream(socket, ownsSocket: false), Encoding.UTF8);

        public Task<string?> NextAsync() => reader.ReadLineAsync().WaitAsync(Timeout);
    }
}
