using Microsoft.Extensions.Time.Testing;
using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class PeakEwmaTests
{
    [Fact]
    public void Pick_AfterObservingLatencies_PrefersTheFastBackend()
    {
        var time = new FakeTimeProvider();
        var balancer = new PeakEwma(Backend.Weighted(("fast", 1), ("slow", 1)), new Random(3), time, initialLatency: TimeSpan.FromMilliseconds(1));

        // Slow first: once "fast" is known to be fast, the policy would never volunteer "slow" again.
        Observe(balancer, time, "slow", TimeSpan.FromMilliseconds(500));
        Observe(balancer, time, "fast", TimeSpan.FromMilliseconds(10));

        var names = Enumerable.Range(0, 200).Select(_ =>
        {
            using var lease = balancer.Pick();
            return lease.Backend.Name;
        });

        Assert.All(names, n => Assert.Equal("fast", n));
    }

    [Fact]
    public void Pick_FastBackendBusy_CostIncludesOutstanding()
    {
        var time = new FakeTimeProvider();
        var balancer = new PeakEwma(Backend.Weighted(("fast", 1), ("slow", 1)), new Random(3), time, initialLatency: TimeSpan.FromMilliseconds(1));
        Observe(balancer, time, "slow", TimeSpan.FromMilliseconds(350));
        Observe(balancer, time, "fast", TimeSpan.FromMilliseconds(100));

        // Cost = latency x (outstanding + 1): 100 ms x 4 = 400 > 350 ms x 1, so the fourth pick goes to "slow".
        var held = Enumerable.Range(0, 3).Select(_ => balancer.Pick()).ToList();
        Assert.All(held, l => Assert.Equal("fast", l.Backend.Name));
        Assert.Equal("slow", balancer.Pick().Backend.Name);
    }

    [Fact]
    public void Complete_SlowSample_RaisesEstimateAtOnceButLowersItGradually()
    {
        var time = new FakeTimeProvider();
        var balancer = new PeakEwma([new Backend("only")], new Random(1), time, decay: TimeSpan.FromSeconds(10));
        Observe(balancer, time, "only", TimeSpan.FromMilliseconds(50));
        time.Advance(TimeSpan.FromSeconds(1));
        Observe(balancer, time, "only", TimeSpan.FromMilliseconds(900));
        Assert.Equal(900, balancer.LatencyEstimate(0).TotalMilliseconds, precision: 6);

        time.Advance(TimeSpan.FromSeconds(1));
        Observe(balancer, time, "only", TimeSpan.FromMilliseconds(50));

        // The 50 ms sample completes 1.05 s after the 900 ms one (1 s pause + its own 50 ms), and with a
        // 10 s time constant it moves the estimate only 1 - e^-0.105 (about 10%) of the way down.
        double expected = 900 - (850 * (1 - Math.Exp(-0.105)));
        Assert.Equal(expected, balancer.LatencyEstimate(0).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void LatencyEstimate_LongSilence_RelaxesTowardsInitialLatency()
    {
        var time = new FakeTimeProvider();
        var balancer = new PeakEwma([new Backend("only")], new Random(1), time, decay: TimeSpan.FromSeconds(10), initialLatency: TimeSpan.FromMilliseconds(20));
        Assert.Equal(20, balancer.LatencyEstimate(0).TotalMilliseconds, precision: 6);

        Observe(balancer, time, "only", TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(200));

        // 20 time constants later the 2 s sample's excess over 20 ms has shrunk by e^-20.
        Assert.InRange(balancer.LatencyEstimate(0).TotalMilliseconds, 20, 20.001);
    }

    [Fact]
    public void Complete_Cancelled_DoesNotChangeTheEstimate()
    {
        var time = new FakeTimeProvider();
        var balancer = new PeakEwma([new Backend("only")], new Random(1), time, initialLatency: TimeSpan.FromMilliseconds(20));
        var lease = balancer.Pick();
        time.Advance(TimeSpan.FromSeconds(5));
        lease.Dispose();

        Assert.Equal(20, balancer.LatencyEstimate(0).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Constructor_NonPositiveDecay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeakEwma(Backend.Range(2), decay: TimeSpan.Zero));
    }

    /// <summary>Sends one request to <paramref name="name"/> (picking until it is chosen) that takes <paramref name="latency"/> on the fake clock.</summary>
    private static void Observe(PeakEwma balancer, FakeTimeProvider time, string name, TimeSpan latency)
    {
        for (int i = 0; i < 1_000; i++)
        {
            var lease = balancer.Pick();
            if (lease.Backend.Name != name)
            {
                lease.Dispose(); // cancelled: not observed
                continue;
            }

            time.Advance(latency);
            lease.Complete(success: true);
            return;
        }

        Assert.Fail($"{name} was never picked");
    }
}
