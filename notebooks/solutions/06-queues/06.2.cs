// Exercise 06.2: Acknowledge after processing, survive a crash
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Workbook.Queues;

// Reference solution: own pending messages first (a restart finishes what it held), then new ones, then
// messages a dead consumer left idle long enough; acknowledge only after every message of the batch was
// handled, so a crash leaves the batch pending for redelivery instead of losing it.
public sealed class AckAfterProcessingConsumer : IReliableConsumer
{
    public async Task<int> PollAsync(IMessageQueue queue, string name,
                                     Func<QueueMessage, Task> handle, CancellationToken cancellationToken)
    {
        IReadOnlyList<QueueMessage> batch = await queue.ReadPendingAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            batch = await queue.ReadNewAsync(name, IReliableConsumer.BatchSize, cancellationToken);
        }

        if (batch.Count == 0)
        {
            batch = await queue.ReclaimAsync(name, IReliableConsumer.ReclaimAfter, IReliableConsumer.BatchSize, cancellationToken);
        }

        foreach (var message in batch)
        {
            await handle(message);
        }

        if (batch.Count > 0)
        {
            await queue.AckAsync(batch.Select(m => m.Id), cancellationToken);
        }

        return batch.Count;
    }
}
