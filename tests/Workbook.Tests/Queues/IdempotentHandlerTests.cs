using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class IdempotentHandlerTests
{
    private static QueueMessage Message(string id) => new(id, "payload " + id, Redelivered: false);

    [Fact]
    public async Task HandleAsync_SameIdTwice_AppliesOnceCountsOneDuplicate()
    {
        var applied = new List<string>();
        var handler = new IdempotentHandler((m, _) => { applied.Add(m.Id); return ValueTask.CompletedTask; });

        var first = await handler.HandleAsync(Message("1-0")).Within();
        var second = await handler.HandleAsync(Message("1-0") with { Redelivered = true }).Within();
        var other = await handler.HandleAsync(Message("2-0")).Within();

        Assert.True(first);
        Assert.False(second);
        Assert.True(other);
        Assert.Equal(["1-0", "2-0"], applied);
        Assert.Equal(2, handler.Applied);
        Assert.Equal(1, handler.Duplicates);
        Assert.Equal(["1-0", "2-0"], handler.ProcessedIds.Order());
    }

    [Fact]
    public async Task HandleAsync_SecondDeliveryWhileFirstInProgress_WaitsAndReportsDuplicate()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var applications = 0;
        var handler = new IdempotentHandler(async (_, _) =>
        {
            Interlocked.Increment(ref applications);
            entered.TrySetResult();
            await release.Task;
        });

        var slow = handler.HandleAsync(Message("7-0")).AsTask();
        await entered.Task.Within();
        var redelivery = handler.HandleAsync(Message("7-0")).AsTask();
        Assert.False(redelivery.IsCompleted);
        Assert.False(handler.HasProcessed("7-0"));
        release.SetResult();

        Assert.True(await slow.Within());
        Assert.False(await redelivery.Within());
        Assert.Equal(1, applications);
        Assert.True(handler.HasProcessed("7-0"));
    }

    [Fact]
    public async Task HandleAsync_EffectFails_IdReleasedSoRedeliveryApplies()
    {
        var attempts = 0;
        var handler = new IdempotentHandler((_, _) =>
            ++attempts == 1 ? throw new IOException("disk full") : ValueTask.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => handler.HandleAsync(Message("3-0")).AsTask().Within());
        Assert.False(handler.HasProcessed("3-0"));
        var retried = await handler.HandleAsync(Message("3-0")).Within();

        Assert.True(retried);
        Assert.Equal(2, attempts);
        Assert.Equal(1, handler.Applied);
        Assert.Equal(0, handler.Duplicates);
    }

    [Fact]
    public async Task HandleAsync_ManyConcurrentDeliveries_EachIdAppliedExactlyOnce()
    {
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var handler = new IdempotentHandler(async (m, _) =>
        {
            await Task.Yield();
            counts.AddOrUpdate(m.Id, 1, (_, c) => c + 1);
        });
        // Every id delivered three times, all at once.
        var deliveries = Enumerable.Range(0, 500).SelectMany(i => Enumerable.Repeat($"{i}-0", 3));

        var results = await Task.WhenAll(deliveries.Select(id => Task.Run(() => handler.HandleAsync(Message(id)).AsTask()))).Within();

        Assert.Equal(500, results.Count(r => r));
        Assert.Equal(1_000, results.Count(r => !r));
        Assert.All(counts.Values, c => Assert.Equal(1, c));
        Assert.Equal(500, counts.Count);
    }
}
