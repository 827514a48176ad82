using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class ManualClockTests
{
    [Fact]
    public void Advance_Forward_MovesTimestampsExactly()
    {
        var clock = new ManualClock();
        var start = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), clock.GetElapsedTime(start));
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Now);
    }

    [Fact]
    public void Advance_Negative_ThrowsNamingArgument()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ManualClock().Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal("by", ex.ParamName);
    }

    [Fact]
    public async Task InProcessQueue_OnManualClock_ReclaimsOnlyAfterTheClockMoves()
    {
        var clock = new ManualClock();
        await using var queue = new InProcessQueue(clock);
        await queue.PublishAsync("x").Within();
        await queue.ReadNewAsync("A").Within();

        var early = await queue.ReclaimAsync("B", TimeSpan.FromSeconds(30)).Within();
        clock.Advance(TimeSpan.FromSeconds(30));
        var due = await queue.ReclaimAsync("B", TimeSpan.FromSeconds(30)).Within();

        Assert.Empty(early);
        Assert.Equal("x", Assert.Single(due).Payload);
    }
}
