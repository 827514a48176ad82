using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>What the 06.1 checker saw when it waited for the next item of a stage's output.</summary>
internal enum StageEvent
{
    /// <summary>An item came out.</summary>
    Item,

    /// <summary>The output was completed normally.</summary>
    Completed,

    /// <summary>The output was completed with an error.</summary>
    Faulted,

    /// <summary>The stage's RunAsync finished, nothing is waiting and the output is still open.</summary>
    StageReturned,

    /// <summary>Nothing happened within the checker's patience.</summary>
    Silent,
}

/// <summary>One observation of a stage's output.</summary>
internal readonly record struct StageObservation(StageEvent Event, int Item = 0, Exception? Error = null);

/// <summary>Reads a stage's output one observation at a time, never waiting longer than a set patience.</summary>
/// <remarks>Used from one checker flow at a time; not thread-safe.</remarks>
internal sealed class StageOutput(ChannelReader<int> reader, Task stage, TimeSpan patience, CancellationToken cancellationToken)
{
    /// <summary>Waits for the next item, the output's completion, the stage's end or the patience to run out.</summary>
    /// <returns>What happened first.</returns>
    /// <exception cref="Exception">Whatever the stage's RunAsync threw, when it failed before anything else happened.</exception>
    public async Task<StageObservation> NextAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(patience);
        while (true)
        {
            if (TryObserve() is { } ready)
            {
                return ready;
            }

            if (stage.IsCompleted)
            {
                return await StageEndedAsync().ConfigureAwait(false);
            }

            var waiting = reader.WaitToReadAsync(limit.Token).AsTask();
            if (await Task.WhenAny(waiting, stage).ConfigureAwait(false) == stage && !waiting.IsCompleted)
            {
                return await StageEndedAsync().ConfigureAwait(false);
            }

            try
            {
                if (!await waiting.ConfigureAwait(false))
                {
                    // No more items will come: wait for the completion to be published, then report it.
                    await reader.Completion.WaitAsync(limit.Token).ConfigureAwait(false);
                }
            }
            catch (Exception) when (limit.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return TryObserve() ?? new StageObservation(StageEvent.Silent);
            }
            catch (Exception)
            {
                // The output failed: TryObserve reports it from the Completion task.
            }
        }
    }

    private async Task<StageObservation> StageEndedAsync()
    {
        // Whatever the stage wrote before it ended is already visible, so one more look is enough.
        if (TryObserve() is { } last)
        {
            return last;
        }

        if (stage.IsFaulted || stage.IsCanceled)
        {
            // The stage died without completing its output: its own exception is the best message.
            await stage.ConfigureAwait(false);
        }

        return new StageObservation(StageEvent.StageReturned);
    }

    private StageObservation? TryObserve()
    {
        if (reader.TryRead(out var item))
        {
            return new StageObservation(StageEvent.Item, item);
        }

        var completion = reader.Completion;
        if (!completion.IsCompleted)
        {
            return null;
        }

        return completion.IsCompletedSuccessfully
            ? new StageObservation(StageEvent.Completed)
            : new StageObservation(StageEvent.Faulted, Error: completion.Exception?.InnerException ?? new OperationCanceledException("The output was completed as cancelled."));
    }
}
