using Workbook.Async;

namespace Workbook.Tests.Async;

public sealed class InFlightGaugeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void Enter_AllHeldTogether_PeakIsExactlyTheirNumber()
    {
        var gauge = new InFlightGauge();
        const int Threads = 8;
        using var allInside = new Barrier(Threads);
        var scopes = new Thread[Threads];
        var met = new bool[Threads];
        for (int i = 0; i < Threads; i++)
        {
            int index = i;
            scopes[i] = new Thread(() =>
            {
                using (gauge.Enter())
                {
                    // Nobody leaves until everybody is inside: the peak must be all of them.
                    met[index] = allInside.SignalAndWait(Bound);
                }
            })
            { IsBackground = true };
            scopes[i].Start();
        }

        Assert.All(scopes, t => Assert.True(t.Join(Bound)));
        Assert.All(met, Assert.True);
        Assert.Equal(Threads, gauge.Peak);
        Assert.Equal(0, gauge.Current);
        Assert.Equal(Threads, gauge.Total);
    }

    [Fact]
    public async Task Enter_ManyConcurrentShortScopes_CountsReturnToZero()
    {
        var gauge = new InFlightGauge();

        await Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => Task.Run(() =>
        {
            using (gauge.Enter())
            {
                Assert.True(gauge.Current >= 1);
            }
        }))).WaitAsync(Bound);

        Assert.Equal(0, gauge.Current);
        Assert.Equal(1_000, gauge.Total);
        Assert.InRange(gauge.Peak, 1, 1_000);
    }

    [Fact]
    public void Enter_OneAfterAnother_PeakIsOne()
    {
        var gauge = new InFlightGauge();

        for (int i = 0; i < 5; i++)
        {
            using (gauge.Enter())
            {
            }
        }

        Assert.Equal(1, gauge.Peak);
        Assert.Equal("in flight 0 (peak 1, 5 in total)", gauge.ToString());
    }
}
