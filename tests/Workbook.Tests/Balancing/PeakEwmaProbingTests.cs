using Microsoft.Extensions.Time.Testing;
using Workbook.Balancing;
using Workbook.Balancing.Farm;

namespace Workbook.Tests.Balancing;

/// <summary>
/// Peak-EWMA with probing (as <see cref="FarmPolicies"/> creates it), driven by a closed-loop virtual-time
/// model: 16 clients, each sending its next request when the previous answer arrives; fast backends answer
/// in 2 ms except for a seeded 2% of 30 ms hiccups, the slow one in 100 ms. Everything is deterministic.
/// </summary>
public sealed class PeakEwmaProbingTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan Hiccup = TimeSpan.FromMilliseconds(30);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Pick_OneBackendFiftyTimesSlower_GetsUnderHalfAPercentButIsStillProbed()
    {
        var time = new FakeTimeProvider();
        var balancer = FarmPolicies.Create("peak-ewma", Backend.Range(3), seed: 1, time: time);

        long[] counts = Drive(balancer, time, (backend, _) => backend == 2 ? Slow : null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));

        // Steady state, 25 virtual seconds: one probe a second (about 25 requests) out of some 100,000.
        double share = (double)counts[2] / counts.Sum();
        Assert.True(share < 0.005, $"slow backend's share {share:P3} ({counts[2]} of {counts.Sum()})");
        Assert.InRange(counts[2], 20, 30);
        Assert.True(((PeakEwma)balancer).IsOutlier(2));
    }

    [Fact]
    public void Pick_WithoutProbing_SlowBackendGetsOverTenTimesMore()
    {
        // The same model and tuning minus probing: what the farm's policy did before. Its slow backend's estimate
        // relaxes back towards zero while unheard, and each 30 ms hiccup of a fast backend makes that one look costly.
        long[] Run(TimeSpan? probe)
        {
            var time = new FakeTimeProvider();
            var balancer = new PeakEwma(Backend.Range(3), new Random(1), time, FarmPolicies.PeakEwmaDecay, TimeSpan.Zero, probeInterval: probe);
            return Drive(balancer, time, (backend, _) => backend == 2 ? Slow : null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
        }

        long[] without = Run(null), with = Run(FarmPolicies.PeakEwmaProbeInterval);

        double before = (double)without[2] / without.Sum(), after = (double)with[2] / with.Sum();
        Assert.True(before > 10 * after, $"slow backend's share without probing {before:P3}, with {after:P3}");
    }

    [Fact]
    public void Pick_SlowBackendBecomesFast_RegainsAFairShareWithinFiveSeconds()
    {
        var time = new FakeTimeProvider();
        var balancer = FarmPolicies.Create("peak-ewma", Backend.Range(3), seed: 2, time: time);
        var recovery = TimeSpan.FromSeconds(20);

        // Slow for 20 s, fast afterwards; count only 25-30 s, i.e. from 5 s after the recovery.
        long[] counts = Drive(balancer, time, (backend, now) => backend == 2 && now < recovery ? Slow : null, TimeSpan.FromSeconds(30), recovery + TimeSpan.FromSeconds(5));

        double share = (double)counts[2] / counts.Sum();
        Assert.True(share > 0.2, $"recovered backend's share {share:P1} ({counts[2]} of {counts.Sum()})");
        Assert.False(((PeakEwma)balancer).IsOutlier(2));
    }

    [Fact]
    public void Complete_OneSlowAnswerOfAFastBackend_DoesNotMakeItAnOutlier()
    {
        var time = new FakeTimeProvider();
        var balancer = new PeakEwma(Backend.Range(2), new Random(1), time, TimeSpan.FromSeconds(10), TimeSpan.Zero, probeInterval: TimeSpan.FromSeconds(1));
        for (int i = 0; i < 40; i++)
        {
            Answer(balancer, time, i % 2, Fast);
        }

        Answer(balancer, time, 0, Slow);

        // The peak estimate jumps to 100 ms, but after 20 answers the typical latency moves only 5% of the way (6.9 ms, under 5 x 2 ms).
        Assert.Equal(100, balancer.LatencyEstimate(0).TotalMilliseconds, precision: 6);
        Assert.False(balancer.IsOutlier(0));
        // Each later answer pulls the estimate at least 5% of the way back: 80 answers leave 0.95^80 (under 2%) of the excess.
        for (int i = 0; i < 80; i++)
        {
            Answer(balancer, time, 0, Fast);
        }

        Assert.InRange(balancer.LatencyEstimate(0).TotalMilliseconds, 2, 6);
    }

    [Fact]
    public void Complete_ColdStartAnswer_DoesNotMakeABackendAnOutlier()
    {
        var time = new FakeTimeProvider();
        var balancer = new PeakEwma(Backend.Range(2), new Random(1), time, TimeSpan.FromSeconds(10), TimeSpan.Zero, probeInterval: TimeSpan.FromSeconds(1));

        // Backend 0's first answer is slow (a cold start); the first answers are averaged evenly: (50 + 9 x 2) / 10 = 6.8 ms.
        Answer(balancer, time, 0, TimeSpan.FromMilliseconds(50));
        Assert.False(balancer.IsOutlier(0)); // too few answers to judge
        for (int i = 0; i < 9; i++)
        {
            Answer(balancer, time, 0, Fast);
            Answer(balancer, time, 1, Fast);
        }

        Assert.False(balancer.IsOutlier(0));
    }

    [Fact]
    public void Constructor_NonPositiveProbeInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeakEwma(Backend.Range(2), probeInterval: TimeSpan.Zero));
    }

    /// <summary>Sends one request that lands on <paramref name="index"/> and answers after <paramref name="latency"/>.</summary>
    private static void Answer(PeakEwma balancer, FakeTimeProvider time, int index, TimeSpan latency)
    {
        var lease = balancer.PickExcluding(~(1UL << index)) ?? throw new InvalidOperationException($"backend {index} unavailable");
        time.Advance(latency);
        lease.Complete(success: true);
    }

    /// <summary>
    /// Runs the closed loop until <paramref name="until"/> and counts, per backend, the requests started at or after
    /// <paramref name="countFrom"/>. <paramref name="slowness"/> gives a backend's latency at a time, or null for "fast".
    /// </summary>
    private static long[] Drive(Balancer balancer, FakeTimeProvider time, Func<int, TimeSpan, TimeSpan?> slowness, TimeSpan until, TimeSpan countFrom)
    {
        var jitter = new Random(42);
        var counts = new long[balancer.Count];
        var inFlight = new PriorityQueue<Lease, long>();
        long now = 0;

        void Send()
        {
            var lease = balancer.Pick();
            var at = TimeSpan.FromTicks(now);
            TimeSpan latency = slowness(lease.Index, at) ?? (jitter.NextDouble() < 0.02 ? Hiccup : Fast);
            if (at >= countFrom)
            {
                counts[lease.Index]++;
            }

            inFlight.Enqueue(lease, now + latency.Ticks);
        }

        for (int client = 0; client < 16; client++)
        {
            Send();
        }

        while (inFlight.TryDequeue(out var lease, out long due) && due < until.Ticks)
        {
            time.Advance(TimeSpan.FromTicks(due - now));
            now = due;
            lease.Complete(success: true);
            Send();
        }

        return counts;
    }
}
