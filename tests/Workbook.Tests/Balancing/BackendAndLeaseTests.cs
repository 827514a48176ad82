using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class BackendAndLeaseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Backend_BlankName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new Backend(name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Backend_NonPositiveWeight_ThrowsNamingBackend(int weight)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Backend("api-1", weight));
        Assert.Contains("'api-1'", error.Message);
    }

    [Fact]
    public void Range_Three_NamesWithIndex()
    {
        Assert.Equal(["s0", "s1", "s2"], Backend.Range(3, "s").Select(b => b.Name));
    }

    [Fact]
    public void Constructor_NullList_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new RoundRobin(null!));
    }

    [Fact]
    public void Constructor_NullEntry_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new RoundRobin([new("a"), null!]));
        Assert.Contains("#1", error.Message);
    }

    [Fact]
    public async Task Complete_ManyThreadsAtOnce_CallbackRunsOnce()
    {
        int calls = 0;
        var lease = new Lease(new Backend("a"), 0, (_, _, _) => Interlocked.Increment(ref calls));
        using var gate = new Barrier(6);
        var racers = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            gate.SignalAndWait(TimeSpan.FromSeconds(30));
            if (i % 2 == 0)
            {
                return lease.Complete(success: true);
            }

            lease.Dispose(); // a racing Dispose may be the one that ends the lease
            return false;
        }));

        var won = await Task.WhenAll(racers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, calls);
        Assert.InRange(won.Count(w => w), 0, 1);
        Assert.True(lease.IsCompleted);
    }

    [Fact]
    public void Complete_NegativeLatency_Throws()
    {
        var lease = new Lease(new Backend("a"), 0, (_, _, _) => { });
        Assert.Throws<ArgumentOutOfRangeException>(() => lease.Complete(RequestOutcome.Success, TimeSpan.FromTicks(-1)));
        Assert.False(lease.IsCompleted);
    }

    [Fact]
    public void Complete_CustomLease_ReportsOutcomeAndLatency()
    {
        RequestOutcome? seen = null;
        TimeSpan latency = default;
        var lease = new Lease(new Backend("a"), 0, (_, o, l) => (seen, latency) = (o, l));
        lease.Complete(RequestOutcome.Failure, TimeSpan.FromMilliseconds(12));
        Assert.Equal(RequestOutcome.Failure, seen);
        Assert.Equal(TimeSpan.FromMilliseconds(12), latency);
    }
}
