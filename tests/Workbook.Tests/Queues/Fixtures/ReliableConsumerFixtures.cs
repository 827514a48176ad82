using Workbook.Queues;

namespace Workbook.Tests.Queues.Fixtures;

// Exercise 06.2 as the notebook's stub cell shows it.
public sealed class ReliableConsumerStub : IReliableConsumer
{
    public Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: acknowledges the batch as soon as it is read, before handling it.
public sealed class AcksBeforeProcessingConsumer : IReliableConsumer
{
    public async Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        var batch = await queue.ReadPendingAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReclaimAsync(name, IReliableConsumer.ReclaimAfter, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count > 0) await queue.AckAsync(batch.Select(m => m.Id), cancellationToken);
        foreach (var message in batch) await handle(message);
        return batch.Count;
    }
}

// Wrong answer: handles but never acknowledges; its own pending messages come back on every call.
public sealed class NeverAcksConsumer : IReliableConsumer
{
    public async Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        var batch = await queue.ReadPendingAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        foreach (var message in batch) await handle(message);
        return batch.Count;
    }
}

// Wrong answer: never acknowledges and never looks at its pending list: the pending list just grows.
public sealed class NewOnlyNeverAcksConsumer : IReliableConsumer
{
    public async Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        var batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        foreach (var message in batch) await handle(message);
        return batch.Count;
    }
}

// Wrong answer: acks after processing, but a restarted consumer only reads new messages, so what it held is stranded.
public sealed class IgnoresOwnPendingConsumer : IReliableConsumer
{
    public async Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        var batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReclaimAsync(name, IReliableConsumer.ReclaimAfter, IReliableConsumer.BatchSize, cancellationToken);
        foreach (var message in batch) await handle(message);
        if (batch.Count > 0) await queue.AckAsync(batch.Select(m => m.Id), cancellationToken);
        return batch.Count;
    }
}

// Wrong answer: recovers its own pending messages, but never takes over what a dead consumer left behind.
public sealed class NeverReclaimsConsumer : IReliableConsumer
{
    public async Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        var batch = await queue.ReadPendingAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        foreach (var message in batch) await handle(message);
        if (batch.Count > 0) await queue.AckAsync(batch.Select(m => m.Id), cancellationToken);
        return batch.Count;
    }
}

// Wrong answer: reclaims with no idle threshold, stealing messages a live consumer has only just received.
public sealed class ReclaimsAtOnceConsumer : IReliableConsumer
{
    public async Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        var batch = await queue.ReadPendingAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReclaimAsync(name, TimeSpan.Zero, IReliableConsumer.BatchSize, cancellationToken);
        foreach (var message in batch) await handle(message);
        if (batch.Count > 0) await queue.AckAsync(batch.Select(m => m.Id), cancellationToken);
        return batch.Count;
    }
}

// A correct alternative: remembers whether it has recovered yet, and acknowledges each message right after handling it.
public sealed class AckEachMessageConsumer : IReliableConsumer
{
    private bool _recovered;

    public async Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        IReadOnlyList<QueueMessage> batch = [];
        if (!_recovered)
        {
            batch = await queue.ReadPendingAsync(name, IReliableConsumer.BatchSize, cancellationToken);
            _recovered = batch.Count == 0;
        }

        if (batch.Count == 0) batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0) batch = await queue.ReclaimAsync(name, IReliableConsumer.ReclaimAfter, IReliableConsumer.BatchSize, cancellationToken);
        foreach (var message in batch)
        {
            await handle(message);
            await queue.AckAsync([message.Id], cancellationToken);
        }

        return batch.Count;
    }
}
