using Workbook.Networking;

namespace Workbook.Tests.Networking;

[Collection(nameof(ThreadCountingCollection))]
public sealed class BlockingVsAsyncTests : LoopbackTest
{
    [Theory]
    [InlineData(ClientStyle.Async, 32)]
    [InlineData(ClientStyle.Blocking, 6)]
    public async Task RunAsync_Batch_AnswersEveryRequest(ClientStyle style, int requests)
    {
        DemoServer server = await StartServerAsync();

        ThreadUsageResult result = await BlockingVsAsync.RunAsync(server.Url("/delay?ms=50"), requests, style).WaitAsync(Timeout);

        Assert.Equal((style, requests, 0), (result.Style, result.Requests, result.Failures));
        Assert.Equal(requests, server.Stats.RequestsServed);
        Assert.NotEmpty(result.Timeline);
        Assert.True(result.PeakThreads >= Math.Max(result.ThreadsBefore, result.ThreadsAfter));
        Assert.Equal(result.Timeline.Count, result.ToSeries().Count);
    }

    [Fact]
    public async Task RunAsync_BlockingCallsInFlight_HoldOnePoolThreadEach()
    {
        const int requests = 6;
        DemoServer server = await StartServerAsync();
        using var cancel = new CancellationTokenSource();

        Task<ThreadUsageResult> run = BlockingVsAsync.RunAsync(server.Url("/delay?ms=60000"), requests, ClientStyle.Blocking, cancel.Token);
        await WaitUntilAsync(() => server.Stats.InFlight == requests, $"{requests} blocking requests are in flight");
        int busy = ThreadSample.BusyNow();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout));
        Assert.True(busy >= requests, $"{requests} blocked calls in flight but only {busy} busy pool threads");
    }

    [Fact]
    public async Task CompareAsync_Batch_ReturnsAsyncThenBlocking()
    {
        DemoServer server = await StartServerAsync();

        var (awaiting, blocking) = await BlockingVsAsync.CompareAsync(server.Url("/delay?ms=20"), 4).WaitAsync(Timeout);

        Assert.Equal(ClientStyle.Async, awaiting.Style);
        Assert.Equal(ClientStyle.Blocking, blocking.Style);
        Assert.Equal(8, server.Stats.RequestsServed);
    }

    [Fact]
    public async Task RunAsync_UndefinedStyle_IsRejected() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            BlockingVsAsync.RunAsync(new Uri("http://127.0.0.1:1/"), 1, (ClientStyle)7).WaitAsync(Timeout));
}
