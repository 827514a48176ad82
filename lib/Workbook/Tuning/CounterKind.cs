namespace Workbook.Tuning;

/// <summary>Ways for many threads to count into one total, from most to least shared (see <see cref="ContentionDemo"/>).</summary>
public enum CounterKind
{
    /// <summary>One count guarded by one lock: every increment takes the lock, and threads queue for it.</summary>
    Lock,

    /// <summary>One count, incremented atomically: no lock, but every core fights for the same cache line.</summary>
    Interlocked,

    /// <summary>One slot per thread, slots side by side in memory: no logical sharing, but the slots share cache lines (false sharing).</summary>
    ShardedAdjacent,

    /// <summary>One slot per thread, each on its own cache lines: nothing is shared until the slots are summed.</summary>
    ShardedPadded,

    /// <summary>Each thread counts in a local variable and adds its total once at the end.</summary>
    LocalThenCombine,
}
