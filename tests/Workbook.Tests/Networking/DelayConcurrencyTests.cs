using Workbook.Networking;

namespace Workbook.Tests.Networking;

/// <summary>Counts threads, so it must not run alongside tests that block pool threads.</summary>
[CollectionDefinition(nameof(ThreadCountingCollection), DisableParallelization = true)]
public sealed class ThreadCountingCollection;

[Collection(nameof(ThreadCountingCollection))]
public sealed class DelayConcurrencyTests : LoopbackTest
{
    [Fact]
    public async Task Delay_ManyConcurrentRequests_AreAllInFlightAtOnceOnFewerThreads()
    {
        const int requests = 64;
        DemoServer server = await StartServerAsync();
        using HttpClient client = NewClient();
        using var stop = new CancellationTokenSource();

        // Each request waits a minute, far longer than the test: they can only all be in flight together.
        Task[] pending = Enumerable.Range(0, requests)
            .Select(_ => client.GetAsync(server.Url("/delay?ms=60000"), stop.Token))
            .ToArray();
        await WaitUntilAsync(() => server.Stats.InFlight == requests, $"{requests} requests are in flight");
        int busy = ThreadSample.BusyNow();
        await stop.CancelAsync();
        await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Timeout);
        await WaitUntilAsync(() => server.Stats.InFlight == 0, "the server has let go of every cancelled request");

        // If a waiting request held a thread, 64 requests in flight would keep 64 pool threads busy.
        Assert.True(busy < requests, $"{requests} waiting requests kept {busy} pool threads busy");
        Assert.Equal(requests, server.Stats.PeakInFlight);
    }
}
