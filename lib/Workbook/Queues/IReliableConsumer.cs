namespace Workbook.Queues;

/// <summary>
/// Exercise 06.2: one step of a consumer loop that never loses a message. Each call handles at most
/// one batch: the consumer's own unacknowledged messages first (what it held when it last crashed),
/// otherwise new messages, otherwise messages another consumer left idle for <see cref="ReclaimAfter"/>;
/// and it acknowledges a message only after <c>handle</c> has finished with it.
/// </summary>
/// <remarks>
/// A real worker calls <see cref="PollAsync"/> in a loop, pausing when it returns 0. When <c>handle</c>
/// throws, the consumer has crashed: let the exception out and do not acknowledge the message.
/// </remarks>
public interface IReliableConsumer
{
    /// <summary>The largest batch to read at a time.</summary>
    const int BatchSize = 10;

    /// <summary>How long a message must have sat unacknowledged before another consumer may take it over.</summary>
    static TimeSpan ReclaimAfter => TimeSpan.FromSeconds(30);

    /// <summary>Handles at most one batch of messages for the consumer called <paramref name="name"/>.</summary>
    /// <param name="queue">The queue (the checker gives you an in-process queue on a fake clock).</param>
    /// <param name="name">This consumer's name in the group; a restarted consumer comes back with the same name.</param>
    /// <param name="handle">Processes one message; when it returns, the message's work is done.</param>
    /// <param name="cancellationToken">Abandons the step.</param>
    /// <returns>How many messages were handled (0 when there was nothing to do).</returns>
    Task<int> PollAsync(IMessageQueue queue, string name, Func<QueueMessage, Task> handle, CancellationToken cancellationToken);
}
