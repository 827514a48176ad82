using Workbook.Exercises;

namespace Workbook.Coroutines;

/// <summary>The exercises of chapter 04 (iterators as coroutines).</summary>
public sealed class CoroutinesExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "04-iterators-as-coroutines";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IBatcher>(
            "04.1",
            ChapterName,
            "A lazy Batch stage",
            [
                "Write Batch as an iterator: a method with yield return runs none of its body until the consumer's first MoveNext, and then "
                    + "only up to the next yield return. What should the body do with each item, and when is a batch ready to hand out?",
                "foreach over the source (the compiler disposes the source's enumerator for you, even when the consumer stops early), put each "
                    + "item into a new T[size] array, and yield return the array as soon as it is full, then start a NEW array (the consumer may keep "
                    + "the old one). After the loop, hand out the part-filled array if it holds anything, trimmed to its length.",
                "Nearly the answer: validate first (ArgumentNullException.ThrowIfNull(source); ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);) "
                    + "then return Iterate(source, size), where the local iterator function does: T[]? batch = null; int n = 0; "
                    + "foreach (T item in source) { batch ??= new T[size]; batch[n++] = item; if (n == size) { yield return batch; batch = null; n = 0; } } "
                    + "if (batch is not null) yield return batch[..n]; — splitting validation from the iterator makes the checks run at the call, like LINQ.",
            ],
            BatchCheck.Verify),

        Exercise.Define<ISchedulerPolicy>(
            "04.2",
            ChapterName,
            "Wake sleeping tasks on time",
            [
                "A sleeping task must not sit in _ready (or it runs too early, or blocks everyone behind it). Keep sleepers in a second structure, "
                    + "and let Next look there first. Which structure hands you 'the earliest wake-up first'?",
                "Keep sleepers in a PriorityQueue<CoTask, (long WakeAt, long Order)>, where Order is a counter you increase on every Sleep, so equal "
                    + "wake-ups keep their order. In Next(now): while the earliest sleeper has WakeAt <= now, dequeue it and Enqueue it at the back of "
                    + "_ready; then return _ready's front task, or null when it is empty. NextWakeUp is the earliest WakeAt, or null.",
                "Nearly the answer: Sleep: _sleepers.Enqueue(task, (wakeAt, _order++)); NextWakeUp => _sleepers.TryPeek(out _, out var key) ? key.WakeAt : null; "
                    + "Next: while (_sleepers.TryPeek(out var t, out var key) && key.WakeAt <= now) { _sleepers.Dequeue(); _ready.Enqueue(t); } "
                    + "return _ready.TryDequeue(out var next) ? next : null;",
            ],
            SleepPolicyCheck.Verify),
    ];
}
