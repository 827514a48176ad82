using Workbook.Exercises;

namespace Workbook.Queues;

/// <summary>The exercises of chapter 06 (queues).</summary>
public sealed class QueuesExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "06-queues";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IChannelStage>(
            "06.1",
            ChapterName,
            "A stage that never drops an item",
            [
                "Three things can go wrong: writing when the output is full, finishing too early, and finishing too late. "
                    + "Which ChannelWriter method waits for room instead of giving up? When is the input really finished: when it is empty, "
                    + "or when its writer has called Complete? And who tells the next stage that no more items are coming?",
                "Loop with await foreach (var item in input.ReadAllAsync(cancellationToken)): it ends only when the input is completed AND empty, "
                    + "and it throws if the stage before failed. Inside, await output.WriteAsync(work(item), cancellationToken) waits while the output is full "
                    + "(TryWrite would just return false and the item would be gone). After the loop, output.Complete(); "
                    + "in a catch, output.Complete(exception) so the next stage fails too instead of waiting forever.",
                "Nearly the answer: try { await foreach (var item in input.ReadAllAsync(cancellationToken)) await output.WriteAsync(work(item), cancellationToken); "
                    + "output.Complete(); } catch (Exception error) { output.Complete(error); }",
            ],
            ChannelStageCheck.Verify),

        Exercise.Define<IReliableConsumer>(
            "06.2",
            ChapterName,
            "Acknowledge after processing, survive a crash",
            [
                "An acknowledgement tells the broker 'forget this message, its work is done'. What happens to a message that was acknowledged "
                    + "but whose work never ran because the process died in between? And what happens to one that was read but never acknowledged?",
                "Order matters in each call: first queue.ReadPendingAsync(name, IReliableConsumer.BatchSize) (what you held when you crashed); if that is empty, "
                    + "queue.ReadNewAsync(name, IReliableConsumer.BatchSize); if that is empty too, queue.ReclaimAsync(name, IReliableConsumer.ReclaimAfter, "
                    + "IReliableConsumer.BatchSize) (what a dead consumer left behind). Then await handle(message) for each one, and only after the whole "
                    + "batch call queue.AckAsync with its ids. Do not catch the handler's exceptions: a crash must leave the batch unacknowledged.",
                "Nearly the answer: var batch = await queue.ReadPendingAsync(name, IReliableConsumer.BatchSize, ct); if (batch.Count == 0) batch = await "
                    + "queue.ReadNewAsync(name, IReliableConsumer.BatchSize, ct); if (batch.Count == 0) batch = await queue.ReclaimAsync(name, "
                    + "IReliableConsumer.ReclaimAfter, IReliableConsumer.BatchSize, ct); foreach (var m in batch) await handle(m); "
                    + "if (batch.Count > 0) await queue.AckAsync(batch.Select(m => m.Id), ct); return batch.Count;",
            ],
            ReliableConsumerCheck.Verify),
    ];
}
