namespace Workbook.Queues;

/// <summary>
/// A durable-style work queue with one consumer group and at-least-once delivery:
/// each message goes to one consumer, stays in that consumer's pending list until it is
/// acknowledged, and can be reclaimed by another consumer once it has been idle too long.
/// </summary>
/// <remarks>
/// Implementations: <see cref="RedisStreamQueue"/> (Redis Streams) and <see cref="InProcessQueue"/>
/// (an in-memory Channel). Open one with <see cref="MessageQueues.OpenAsync"/>.
/// Thread-safety: every member may be called concurrently; consumers are identified by name,
/// so several consumers can share one queue object. After disposal, calls throw.
/// </remarks>
public interface IMessageQueue : IAsyncDisposable
{
    /// <summary>One line saying which broker this is and why it was chosen.</summary>
    string Description { get; }

    /// <summary>Appends a message to the queue.</summary>
    /// <param name="payload">The message text.</param>
    /// <param name="cancellationToken">Abandons the wait (the message may still have been published).</param>
    /// <returns>The id assigned to the message.</returns>
    Task<string> PublishAsync(string payload, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="max"/> never-delivered messages for <paramref name="consumer"/>;
    /// they become pending for that consumer. Returns an empty list at once when there are none.</summary>
    /// <param name="consumer">The consumer's name within the group.</param>
    /// <param name="max">Largest batch to return.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The messages, oldest first.</returns>
    Task<IReadOnlyList<QueueMessage>> ReadNewAsync(string consumer, int max = 10, CancellationToken cancellationToken = default);

    /// <summary>Returns messages already delivered to <paramref name="consumer"/> but not yet acknowledged
    /// (what a restarted consumer must finish first).</summary>
    /// <param name="consumer">The consumer's name within the group.</param>
    /// <param name="max">Largest batch to return.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The consumer's pending messages, oldest first.</returns>
    Task<IReadOnlyList<QueueMessage>> ReadPendingAsync(string consumer, int max = 10, CancellationToken cancellationToken = default);

    /// <summary>Moves up to <paramref name="max"/> pending messages that have been idle for at least
    /// <paramref name="minIdle"/> (from any consumer, typically a crashed one) to <paramref name="consumer"/>.</summary>
    /// <param name="consumer">The consumer taking the messages over.</param>
    /// <param name="minIdle">How long a message must have waited unacknowledged since its last delivery.</param>
    /// <param name="max">Largest batch to return.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The reclaimed messages, now pending for <paramref name="consumer"/>.</returns>
    Task<IReadOnlyList<QueueMessage>> ReclaimAsync(string consumer, TimeSpan minIdle, int max = 10, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges messages: they leave the pending list for good.</summary>
    /// <param name="ids">Ids of processed messages.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>How many of the ids were pending (ids already acknowledged count zero).</returns>
    Task<int> AckAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Counts messages delivered but not yet acknowledged, across all consumers.</summary>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The number of pending messages.</returns>
    Task<long> PendingCountAsync(CancellationToken cancellationToken = default);
}
