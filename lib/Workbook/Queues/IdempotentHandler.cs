using System.Collections.Concurrent;

namespace Workbook.Queues;

/// <summary>
/// Turns at-least-once delivery into exactly-once effects: applies a message's effect only the first
/// time its id is seen, and counts every later delivery of the same id as a duplicate.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="HandleAsync"/> may be called concurrently, also for the same id (a slow
/// consumer and one that reclaimed its message). The second caller waits for the first: if the effect
/// succeeded it reports a duplicate; if it failed, the id is released and the second caller applies it.
/// So an id is recorded as processed only after its effect completed, and never applied twice.
/// The processed-id set lives in memory; a real system keeps it next to the effects (same database
/// transaction) so both survive a crash together.
/// </remarks>
public sealed class IdempotentHandler
{
    private readonly Func<QueueMessage, CancellationToken, ValueTask> effect;
    private readonly ConcurrentDictionary<string, Task> seen = new(StringComparer.Ordinal);
    private long applied;
    private long duplicates;

    /// <summary>Creates a handler around the effect to apply once per message id.</summary>
    /// <param name="effect">The side effect (e.g. update a balance); must not be re-applied for the same id.</param>
    public IdempotentHandler(Func<QueueMessage, CancellationToken, ValueTask> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        this.effect = effect;
    }

    /// <summary>Messages whose effect was applied (each id once).</summary>
    public long Applied => Interlocked.Read(ref applied);

    /// <summary>Deliveries recognised as repeats and not re-applied.</summary>
    public long Duplicates => Interlocked.Read(ref duplicates);

    /// <summary>Ids whose effect has completed.</summary>
    public IReadOnlyCollection<string> ProcessedIds =>
        seen.Where(kv => kv.Value.IsCompletedSuccessfully).Select(kv => kv.Key).ToArray();

    /// <summary>True when the effect for <paramref name="id"/> has completed.</summary>
    /// <param name="id">A message id.</param>
    /// <returns>Whether the id has been processed.</returns>
    public bool HasProcessed(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return seen.TryGetValue(id, out var task) && task.IsCompletedSuccessfully;
    }

    /// <summary>Applies the effect unless this message id was already processed.</summary>
    /// <param name="message">The delivered message.</param>
    /// <param name="cancellationToken">Passed to the effect.</param>
    /// <returns>True if the effect was applied now, false if it was a duplicate.</returns>
    /// <exception cref="Exception">Whatever the effect threw; the id is then not marked as processed.</exception>
    public async ValueTask<bool> HandleAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        while (true)
        {
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var existing = seen.GetOrAdd(message.Id, mine.Task);
            if (existing == mine.Task)
            {
                try
                {
                    await effect(message, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // Release the id so a redelivery can try again, then wake anyone waiting on us.
                    seen.TryRemove(new KeyValuePair<string, Task>(message.Id, mine.Task));
                    mine.SetException(ex);
                    // Mark the failure as observed: waiters handle it, nobody else needs to.
                    _ = mine.Task.Exception;
                    throw;
                }

                Interlocked.Increment(ref applied);
                mine.SetResult();
                return true;
            }

            try
            {
                // Someone else is applying (or has applied) this id: wait for their outcome.
                await existing.WaitAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref duplicates);
                return false;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Their attempt failed and released the id; loop to try it ourselves.
            }
        }
    }
}
