using System.Collections.Concurrent;
using System.Globalization;

namespace Workbook.Queues;

/// <summary>
/// Publishes N messages, lets consumer A crash while holding unacknowledged messages, and shows
/// consumer B reclaiming them so that every message is processed, with redeliveries de-duplicated.
/// </summary>
public static class CrashRecoveryScenario
{
    private const int PublishChunk = 256;

    /// <summary>Runs the scenario on <paramref name="queue"/> (use a fresh, empty queue).</summary>
    /// <param name="queue">The queue; its consumer names "A" and "B" are used.</param>
    /// <param name="options">Message count, batch size, crash point and timings; defaults when null.</param>
    /// <param name="cancellationToken">Stops the run; the task then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>Counts (published, unique, duplicates, lost, unexpected, pending) and per-consumer timelines.</returns>
    /// <remarks>
    /// Sequence: all messages are published; A reads and acknowledges <c>CrashInBatch - 1</c> batches,
    /// reads one more, starts B, applies <c>HandledBeforeCrash</c> messages of that batch and stops
    /// without acknowledging (a crash: its pending entries stay). B consumes new messages and, when
    /// none are left, reclaims messages idle longer than <c>ReclaimIdle</c>. Both apply effects through
    /// one <see cref="IdempotentHandler"/>. The run ends when every message is applied and
    /// acknowledged, or when nothing has changed for <c>GiveUpAfter</c> (then the report shows what is missing).
    /// </remarks>
    public static async Task<CrashRecoveryReport> RunAsync(
        IMessageQueue queue,
        CrashRecoveryOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        options ??= new CrashRecoveryOptions();
        options.Validate();
        var time = options.TimeProvider;

        var published = await PublishAllAsync(queue, options.Messages, cancellationToken).ConfigureAwait(false);

        var effects = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var dedupe = new IdempotentHandler((message, _) =>
        {
            // The "effect": counting applications per id lets the report prove none ran twice.
            effects.AddOrUpdate(message.Id, 1, (_, count) => count + 1);
            return ValueTask.CompletedTask;
        });
        var a = new ConsumerTally("A");
        var b = new ConsumerTally("B");
        var sampler = new PeriodicSampler(time, options.SampleEvery, () => a.Applied, () => b.Applied);
        var heldByA = 0;
        var worker = new QueueWorker(
            queue,
            b.Name,
            (message, ct) => b.HandleAsync(dedupe, message, ct),
            new QueueWorkerOptions { BatchSize = options.BatchSize, ReclaimIdle = options.ReclaimIdle, PollInterval = options.PollInterval, TimeProvider = time });

        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var startB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? runB = null;
        IReadOnlyList<(TimeSpan At, long Value)>[] series;
        try
        {
            var runA = Task.Run(() => ConsumerAAsync(), cancellationToken);
            // B joins once A holds the batch it will crash with, so the crash is certain to leave
            // unacknowledged messages however the two are scheduled.
            await Task.WhenAny(startB.Task, runA).ConfigureAwait(false);
            await (runA.IsFaulted || runA.IsCanceled ? runA : Task.CompletedTask).ConfigureAwait(false);
            runB = worker.RunAsync(stopB.Token);
            await runA.ConfigureAwait(false);
            await WaitUntilDoneAsync(queue, dedupe, options, runB, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stopB.Cancel();
            try
            {
                if (runB is not null)
                {
                    await runB.ConfigureAwait(false);
                }
            }
            finally
            {
                series = await sampler.StopAsync().ConfigureAwait(false);
            }
        }

        var pendingAtEnd = await queue.PendingCountAsync(cancellationToken).ConfigureAwait(false);
        var processed = dedupe.ProcessedIds;
        var unique = processed.Count(published.Contains);
        return new CrashRecoveryReport(
            queue.Description,
            published.Count,
            unique,
            dedupe.Duplicates,
            Lost: published.Count - unique,
            Unexpected: processed.Count - unique,
            pendingAtEnd,
            heldByA,
            worker.Reclaimed,
            effects.Count(e => e.Value > 1),
            [a.Report(series[0]), b.Report(series[1])],
            sampler.Elapsed);

        async Task ConsumerAAsync()
        {
            for (var batchNumber = 1; ; batchNumber++)
            {
                var batch = await queue.ReadNewAsync(a.Name, options.BatchSize, cancellationToken).ConfigureAwait(false);
                if (batchNumber == options.CrashInBatch)
                {
                    heldByA = batch.Count;
                    startB.TrySetResult();
                    foreach (var message in batch.Take(options.HandledBeforeCrash))
                    {
                        await a.HandleAsync(dedupe, message, cancellationToken).ConfigureAwait(false);
                    }

                    return; // The crash: no acknowledgement, so the whole batch stays pending for A.
                }

                foreach (var message in batch)
                {
                    await a.HandleAsync(dedupe, message, cancellationToken).ConfigureAwait(false);
                }

                await queue.AckAsync(batch.Select(m => m.Id), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<HashSet<string>> PublishAllAsync(IMessageQueue queue, int count, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var first = 1; first <= count; first += PublishChunk)
        {
            // Publishing a chunk concurrently lets the Redis client pipeline the commands.
            var chunk = Enumerable.Range(first, Math.Min(PublishChunk, count - first + 1))
                .Select(i => queue.PublishAsync("message " + i.ToString(CultureInfo.InvariantCulture), cancellationToken));
            ids.UnionWith(await Task.WhenAll(chunk).ConfigureAwait(false));
        }

        return ids;
    }

    private static async Task WaitUntilDoneAsync(
        IMessageQueue queue,
        IdempotentHandler dedupe,
        CrashRecoveryOptions options,
        Task runB,
        CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var lastChange = time.GetTimestamp();
        var last = (Applied: -1L, Pending: -1L);
        while (!runB.IsCompleted)
        {
            var now = (Applied: dedupe.Applied, Pending: await queue.PendingCountAsync(cancellationToken).ConfigureAwait(false));
            if (now.Pending == 0 && now.Applied >= options.Messages)
            {
                return;
            }

            if (now != last)
            {
                last = now;
                lastChange = time.GetTimestamp();
            }
            else if (time.GetElapsedTime(lastChange) > options.GiveUpAfter)
            {
                return; // Stalled: report what is missing rather than wait forever.
            }

            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        // B stopped by itself: only a failure does that; surface it.
        await runB.ConfigureAwait(false);
    }

    /// <summary>Per-consumer counters; the effect itself goes through the shared de-duplicator.</summary>
    private sealed class ConsumerTally(string name)
    {
        private long applied;
        private long duplicates;

        public string Name { get; } = name;

        public long Applied => Interlocked.Read(ref applied);

        public async ValueTask HandleAsync(IdempotentHandler dedupe, QueueMessage message, CancellationToken cancellationToken)
        {
            var fresh = await dedupe.HandleAsync(message, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref fresh ? ref applied : ref duplicates);
        }

        public ConsumerProgress Report(IReadOnlyList<(TimeSpan At, long Value)> series) =>
            new(Name, Applied, Interlocked.Read(ref duplicates), series.Select(s => new ProgressSample(s.At, s.Value)).ToArray());
    }
}
