using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class LeastConnectionsTests
{
    [Fact]
    public void Pick_UnevenOutstanding_ChoosesTheFewest()
    {
        var balancer = new LeastConnections(Backend.Range(3));
        balancer.UseLoadView([5, 2, 7]);

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(1, balancer.Pick().Index);
        }
    }

    [Fact]
    public void Pick_HeldLeases_SpreadsEvenlyThenRefillsTheFreedBackend()
    {
        var balancer = new LeastConnections(Backend.Range(3));
        var held = Enumerable.Range(0, 9).Select(_ => balancer.Pick()).ToList();
        Assert.All(balancer.Snapshot(), s => Assert.Equal(3, s.Outstanding));

        // Free two requests on one backend: it now has the fewest, by two.
        var onFirst = held.Where(l => l.Index == 0).Take(2).ToList();
        onFirst[0].Complete(success: false); // a failure frees the slot too
        onFirst[1].Dispose();                // and so does a cancellation

        Assert.Equal(0, balancer.Pick().Index);
        Assert.Equal(0, balancer.Pick().Index);
        Assert.All(balancer.Snapshot(), s => Assert.Equal(3, s.Outstanding));
    }

    [Fact]
    public void Complete_FailureThenDispose_DecrementsOnce()
    {
        var balancer = new LeastConnections(Backend.Range(2));
        var lease = balancer.Pick();
        var other = balancer.Pick();

        lease.Complete(success: false);
        lease.Dispose();
        lease.Complete(success: true);

        Assert.Equal(1, balancer.Snapshot().Sum(s => s.Outstanding));
        Assert.Equal(1, balancer.Snapshot()[lease.Index].Failures);
        other.Dispose();
    }

    [Fact]
    public async Task Complete_RequestCancelledMidFlight_DecrementsOnce()
    {
        var balancer = new LeastConnections(Backend.Range(2));
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var request = Task.Run(async () =>
        {
            using var lease = balancer.Pick();
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cts.Token); // a request that only ends by cancellation
            lease.Complete(success: true);
        });

        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, balancer.Snapshot().Sum(s => s.Outstanding));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.All(balancer.Snapshot(), s => Assert.Equal(0, s.Outstanding));
    }

    [Fact]
    public async Task Pick_EightThreadsTenThousandCycles_AllCountsBackToZeroAndTotals80000()
    {
        var balancer = new LeastConnections(Backend.Range(4));
        using var gate = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(
            () =>
            {
                gate.SignalAndWait(TimeSpan.FromSeconds(30));
                for (int i = 0; i < 10_000; i++)
                {
                    var lease = balancer.Pick();
                    lease.Complete(success: true);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));

        await Task.WhenAll(threads).WaitAsync(TimeSpan.FromSeconds(60));

        var snapshot = balancer.Snapshot();
        Assert.Equal([0, 0, 0, 0], snapshot.Select(s => s.Outstanding));
        Assert.Equal(80_000, snapshot.Sum(s => s.Picks));
    }

    [Fact]
    public void Pick_AllIdle_TiesShareTheWork()
    {
        var balancer = new LeastConnections(Backend.Range(4));
        var counts = new int[4];
        for (int i = 0; i < 4_000; i++)
        {
            using var lease = balancer.Pick();
            counts[lease.Index]++;
        }

        // Deterministic tie-breaking must not send everything to backend 0.
        Assert.All(counts, c => Assert.InRange(c, 800, 1_200));
    }
}
