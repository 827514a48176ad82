using Microsoft.Extensions.Time.Testing;
using Workbook.Queues;

namespace Workbook.Tests.Queues;

public sealed class InProcessQueueContractTests : MessageQueueContract
{
    protected override Task<IMessageQueue> CreateQueueAsync() => Task.FromResult<IMessageQueue>(new InProcessQueue());
}

public class InProcessQueueTests
{
    [Fact]
    public async Task ReclaimAsync_FakeClock_ClaimsExactlyWhenIdleReachesThreshold()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new InProcessQueue(clock);
        await queue.PublishAsync("x").Within();
        await queue.ReadNewAsync("A").Within();

        clock.Advance(TimeSpan.FromMilliseconds(999));
        var early = await queue.ReclaimAsync("B", TimeSpan.FromSeconds(1)).Within();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var due = await queue.ReclaimAsync("B", TimeSpan.FromSeconds(1)).Within();

        Assert.Empty(early);
        Assert.Equal("x", Assert.Single(due).Payload);
    }

    [Fact]
    public async Task ReclaimAsync_JustReclaimed_IdleClockRestartsForTheNewOwner()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new InProcessQueue(clock);
        await queue.PublishAsync("x").Within();
        await queue.ReadNewAsync("A").Within();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(await queue.ReclaimAsync("B", TimeSpan.FromSeconds(1)).Within());

        var stolenAgain = await queue.ReclaimAsync("C", TimeSpan.FromSeconds(1)).Within();
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterIdle = await queue.ReclaimAsync("C", TimeSpan.FromSeconds(1)).Within();

        Assert.Empty(stolenAgain);
        Assert.Single(afterIdle);
    }

    [Fact]
    public async Task PublishAsync_ConcurrentPublishers_IdsUniqueAndAllDelivered()
    {
        await using var queue = new InProcessQueue();
        var ids = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() => queue.PublishAsync($"p{i}")))).Within();

        var delivered = new List<QueueMessage>();
        IReadOnlyList<QueueMessage> batch;
        while ((batch = await queue.ReadNewAsync("A", 100).Within()).Count > 0)
        {
            delivered.AddRange(batch);
        }

        Assert.Equal(2_000, ids.Distinct().Count());
        Assert.Equal(ids.Order(), delivered.Select(m => m.Id).Order());
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => $"p{i}").Order(), delivered.Select(m => m.Payload).Order());
    }

    [Fact]
    public async Task AckAsync_ForeignId_CountsZero()
    {
        await using var queue = new InProcessQueue();

        Assert.Equal(0, await queue.AckAsync(["1700000000000-0", "not-an-id"]).Within());
    }
}
