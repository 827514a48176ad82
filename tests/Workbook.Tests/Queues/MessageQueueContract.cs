using Workbook.Queues;

namespace Workbook.Tests.Queues;

/// <summary>The at-least-once contract every <see cref="IMessageQueue"/> must honour.</summary>
public abstract class MessageQueueContract
{
    /// <summary>Creates an empty queue with a name no other test uses.</summary>
    protected abstract Task<IMessageQueue> CreateQueueAsync();

    private static async Task<string[]> PublishAsync(IMessageQueue queue, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await queue.PublishAsync($"m{i}").Within();
        }

        return ids;
    }

    [QueueFact]
    public async Task ReadNewAsync_AfterPublish_ReturnsEachMessageOnceInOrder()
    {
        await using var queue = await CreateQueueAsync();
        var ids = await PublishAsync(queue, 5);

        var first = await queue.ReadNewAsync("A", max: 3).Within();
        var second = await queue.ReadNewAsync("A", max: 3).Within();
        var third = await queue.ReadNewAsync("A", max: 3).Within();

        Assert.Equal(ids, first.Concat(second).Select(m => m.Id));
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], first.Concat(second).Select(m => m.Payload));
        Assert.All(first.Concat(second), m => Assert.False(m.Redelivered));
        Assert.Empty(third);
        Assert.Equal(5, ids.Distinct().Count());
    }

    [QueueFact]
    public async Task ReadNewAsync_TwoConsumersInterleaved_NoMessageDeliveredTwice()
    {
        await using var queue = await CreateQueueAsync();
        var ids = await PublishAsync(queue, 20);

        var seen = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            seen.AddRange((await queue.ReadNewAsync("A", 2).Within()).Select(m => m.Id));
            seen.AddRange((await queue.ReadNewAsync("B", 1).Within()).Select(m => m.Id));
        }

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(20, await queue.PendingCountAsync().Within());
    }

    [QueueFact]
    public async Task AckAsync_ProcessedMessages_RemovesThemFromPending()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 4);
        var batch = await queue.ReadNewAsync("A", 4).Within();
        Assert.Equal(4, await queue.PendingCountAsync().Within());

        var acked = await queue.AckAsync(batch.Take(3).Select(m => m.Id)).Within();

        Assert.Equal(3, acked);
        Assert.Equal(1, await queue.PendingCountAsync().Within());
        var stillPending = await queue.ReadPendingAsync("A", 10).Within();
        Assert.Equal([batch[3].Id], stillPending.Select(m => m.Id));
    }

    [QueueFact]
    public async Task AckAsync_SameIdTwice_CountsOnlyTheFirst()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 1);
        var message = Assert.Single(await queue.ReadNewAsync("A").Within());

        Assert.Equal(1, await queue.AckAsync([message.Id]).Within());
        Assert.Equal(0, await queue.AckAsync([message.Id]).Within());
        Assert.Equal(0, await queue.PendingCountAsync().Within());
    }

    [QueueFact]
    public async Task ReadPendingAsync_UnackedMessages_ReturnedOnlyToTheirConsumer()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 3);
        var forA = await queue.ReadNewAsync("A", 2).Within();
        var forB = await queue.ReadNewAsync("B", 2).Within();

        var pendingA = await queue.ReadPendingAsync("A", 10).Within();
        var pendingB = await queue.ReadPendingAsync("B", 10).Within();

        Assert.Equal(forA.Select(m => m.Id), pendingA.Select(m => m.Id));
        Assert.Equal(forB.Select(m => m.Id), pendingB.Select(m => m.Id));
        Assert.All(pendingA.Concat(pendingB), m => Assert.True(m.Redelivered));
        Assert.Equal(forA.Select(m => m.Payload), pendingA.Select(m => m.Payload));
    }

    [QueueFact]
    public async Task ReclaimAsync_UnackedPastThreshold_RedeliveredToTheReclaimer()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 3);
        var lostWithA = await queue.ReadNewAsync("A", 3).Within();

        // A zero threshold makes every pending message eligible at once: no waiting needed.
        var reclaimed = await queue.ReclaimAsync("B", TimeSpan.Zero, 10).Within();

        Assert.Equal(lostWithA.Select(m => m.Id), reclaimed.Select(m => m.Id));
        Assert.Equal(lostWithA.Select(m => m.Payload), reclaimed.Select(m => m.Payload));
        Assert.All(reclaimed, m => Assert.True(m.Redelivered));
        Assert.Empty(await queue.ReadPendingAsync("A", 10).Within());
        Assert.Equal(reclaimed.Select(m => m.Id), (await queue.ReadPendingAsync("B", 10).Within()).Select(m => m.Id));

        Assert.Equal(3, await queue.AckAsync(reclaimed.Select(m => m.Id)).Within());
        Assert.Equal(0, await queue.PendingCountAsync().Within());
    }

    [QueueFact]
    public async Task ReclaimAsync_ThresholdNotReached_ClaimsNothing()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 2);
        await queue.ReadNewAsync("A", 2).Within();

        var reclaimed = await queue.ReclaimAsync("B", TimeSpan.FromHours(1), 10).Within();

        Assert.Empty(reclaimed);
        Assert.Equal(2, (await queue.ReadPendingAsync("A", 10).Within()).Count);
    }

    [QueueFact]
    public async Task ReclaimAsync_AckedMessages_NeverComeBack()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 4);
        var batch = await queue.ReadNewAsync("A", 4).Within();
        await queue.AckAsync(batch.Take(2).Select(m => m.Id)).Within();

        var reclaimed = await queue.ReclaimAsync("B", TimeSpan.Zero, 10).Within();

        Assert.Equal(batch.Skip(2).Select(m => m.Id), reclaimed.Select(m => m.Id));
    }

    [QueueFact]
    public async Task ReclaimAsync_MaxSmallerThanPending_ReturnsAtMostMax()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 7);
        await queue.ReadNewAsync("A", 7).Within();

        var first = await queue.ReclaimAsync("B", TimeSpan.Zero, 4).Within();
        var all = await queue.ReadPendingAsync("B", 10).Within();

        Assert.Equal(4, first.Count);
        Assert.Equal(first.Select(m => m.Id), all.Select(m => m.Id));
    }

    [QueueFact]
    public async Task QueueWorker_UntilDrained_HandlesEachMessageOnceAndLeavesNothingPending()
    {
        await using var queue = await CreateQueueAsync();
        var ids = await PublishAsync(queue, 120);
        var handled = new List<string>();
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = new QueueWorker(queue, "W", (m, _) =>
        {
            lock (handled)
            {
                handled.Add(m.Id);
                if (handled.Count == ids.Length)
                {
                    allSeen.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        }, new QueueWorkerOptions { BatchSize = 16, ReclaimIdle = TimeSpan.FromHours(1) });
        using var stop = new CancellationTokenSource();

        var run = worker.RunAsync(stop.Token);
        await allSeen.Task.Within();
        stop.Cancel();
        await run.Within();

        Assert.Equal(ids.Order(), handled.Order());
        Assert.Equal(0, await queue.PendingCountAsync().Within());
        Assert.Equal(120, worker.Acknowledged);
    }

    [QueueFact]
    public async Task QueueWorker_RestartedConsumer_FinishesItsOwnPendingFirst()
    {
        await using var queue = await CreateQueueAsync();
        await PublishAsync(queue, 3);
        var leftBehind = await queue.ReadNewAsync("W", 2).Within();
        var handled = new List<QueueMessage>();
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = new QueueWorker(queue, "W", (m, _) =>
        {
            handled.Add(m);
            if (handled.Count == 3)
            {
                three.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }, new QueueWorkerOptions { ReclaimIdle = TimeSpan.FromHours(1) });
        using var stop = new CancellationTokenSource();

        var run = worker.RunAsync(stop.Token);
        await three.Task.Within();
        stop.Cancel();
        await run.Within();

        Assert.Equal(leftBehind.Select(m => m.Id), handled.Take(2).Select(m => m.Id));
        Assert.All(handled.Take(2), m => Assert.True(m.Redelivered));
        Assert.False(handled[2].Redelivered);
        Assert.Equal(0, await queue.PendingCountAsync().Within());
    }

    [QueueFact]
    public async Task CrashRecoveryScenario_SmallRun_EveryMessageAppliedExactlyOnce()
    {
        await using var queue = await CreateQueueAsync();

        var report = await CrashRecoveryScenario.RunAsync(queue, new CrashRecoveryOptions
        {
            Messages = 600,
            BatchSize = 20,
            CrashInBatch = 2,
            HandledBeforeCrash = 7,
            ReclaimIdle = TimeSpan.FromMilliseconds(50),
        }).Within();

        Assert.Equal(600, report.Published);
        Assert.Equal(600, report.ProcessedUnique);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Unexpected);
        Assert.Equal(0, report.PendingAtEnd);
        Assert.Equal(0, report.EffectsAppliedTwice);
        Assert.Equal(20, report.HeldByCrashedConsumer);
        // The 7 messages A applied but never acknowledged must come back, and be recognised.
        Assert.True(report.Duplicates >= 7, report.ToString());
        Assert.True(report.ReclaimedBySurvivor >= 20, report.ToString());
        Assert.Equal(600, report.Consumers.Sum(c => c.Applied));
        Assert.True(report.ExactlyOnce);
    }

    [QueueFact]
    public async Task ReadNewAsync_BadArguments_ThrowNamingTheProblem()
    {
        await using var queue = await CreateQueueAsync();

        var max = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReadNewAsync("A", 0).Within());
        Assert.Equal("max", max.ParamName);
        var consumer = await Assert.ThrowsAsync<ArgumentException>(() => queue.ReadNewAsync(" ", 1).Within());
        Assert.Equal("consumer", consumer.ParamName);
        var idle = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReclaimAsync("A", TimeSpan.FromSeconds(-1)).Within());
        Assert.Equal("minIdle", idle.ParamName);
    }

    [QueueFact]
    public async Task PublishAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var queue = await CreateQueueAsync();
        await queue.DisposeAsync().Within();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queue.PublishAsync("late").Within());
    }
}
