using Workbook.Simulation;

namespace Workbook.Tests.Simulation;

public sealed class VirtualClockTests
{
    [Fact]
    public void AdvanceTo_TwoAndAHalfSeconds_TimestampsAndUtcFollow()
    {
        var clock = new VirtualClock();
        long start = clock.GetTimestamp();
        clock.AdvanceTo(2.5);

        Assert.Equal(TimeSpan.FromSeconds(2.5), clock.GetElapsedTime(start));
        Assert.Equal(VirtualClock.Epoch.AddSeconds(2.5), clock.GetUtcNow());
    }

    [Fact]
    public void AdvanceTo_Backwards_Throws()
    {
        var clock = new VirtualClock();
        clock.AdvanceTo(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(2.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(double.NaN));
    }

    [Fact]
    public void CreateTimer_Any_NotSupported()
    {
        var clock = new VirtualClock();
        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero));
    }
}
