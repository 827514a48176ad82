using Workbook.Exercises;

namespace Workbook.Threads;

/// <summary>The exercises of chapter 01 (threads).</summary>
public sealed class ThreadsExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "01-threads";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<ICounter>(
            "01.1",
            ChapterName,
            "A thread-safe counter",
            [
                "count++ is three steps: read the value, add one, write it back. Two threads can both read the same old value, "
                    + "and then one of the two increments disappears. What turns the three steps into one indivisible step?",
                "Either guard the field with lock on ONE private object that every call shares (a new object per call guards nothing), "
                    + "or use the Interlocked class, which reads, adds and writes as one atomic operation. "
                    + "volatile is not enough: it makes each read see the latest value, but read-add-write is still three steps.",
                "Nearly the answer: private long _count; public void Increment() => Interlocked.Increment(ref _count); "
                    + "public long Value => Interlocked.Read(ref _count);",
            ],
            CounterCheck.Verify),

        Exercise.Define<IParallelSummer>(
            "01.2",
            ChapterName,
            "Parallel sum with correct partitioning",
            [
                "Work out each part's range before starting any thread. With chunk = data.Length / parts, part p starts at p * chunk. "
                    + "Where must the LAST part end when the division leaves a remainder?",
                "Give each part its own result slot (long[] partials = new long[parts]) so no two threads ever write the same variable. "
                    + "Start one Thread (or Task.Run) per part, wait for all of them (Join or Task.WaitAll), then add the partial sums. "
                    + "Copy the loop variables into locals inside the loop before a lambda captures them.",
                "Nearly the answer: for each p: int start = p * chunk; int end = p == parts - 1 ? data.Length : start + chunk; int slot = p; "
                    + "threads[p] = new Thread(() => { long s = 0; for (int i = start; i < end; i++) s += data[i]; partials[slot] = s; }); "
                    + "then start them all, Join them all, and return partials.Sum().",
            ],
            ParallelSumCheck.Verify),

        Exercise.Define<IBank>(
            "01.3",
            ChapterName,
            "Fix a deadlock with lock ordering",
            [
                "A deadlock needs a cycle: thread 1 holds account A's lock and waits for B's, while thread 2 holds B's and waits for A's. "
                    + "If every thread took the two locks in the same order, could that cycle ever form?",
                "Choose the order from something both threads agree on, not from the argument order: always lock the account with the "
                    + "lower Id first. Keep both locks (lock (account.Sync)) held while you change both balances.",
                "Nearly the answer: var (first, second) = from.Id < to.Id ? (from, to) : (to, from); "
                    + "lock (first.Sync) { lock (second.Sync) { from.Balance -= amount; to.Balance += amount; } }",
            ],
            LockOrderingCheck.Verify),

        Exercise.Define<IOnceCell>(
            "01.4",
            ChapterName,
            "Create it exactly once",
            [
                "if (_value == null) _value = open(); is check-then-act, a race just like count++: two threads can both see "
                    + "'not created yet' and both create one. What has to surround BOTH the check and the creation?",
                "Put the check and the creation under one lock on a shared private object. If you first check outside the lock to "
                    + "save time (double-checked locking), check AGAIN inside it: another thread may have created the value while you "
                    + "waited for the lock. Lazy<T> packages exactly this.",
                "Nearly the answer: private readonly object _gate = new(); private Connection? _value; "
                    + "public Connection GetOrCreate(Func<Connection> open) { lock (_gate) { return _value ??= open(); } }",
            ],
            OnceCellCheck.Verify),
    ];
}
