namespace Workbook.Tuning;

/// <summary>
/// One total that several threads count into, in one of the <see cref="CounterKind"/> ways: the
/// counter behind <see cref="ContentionDemo"/> and the chapter's benchmarks.
/// </summary>
/// <remarks>
/// Thread-safe for up to <see cref="Threads"/> threads calling <see cref="Add"/> at once, each with
/// its own thread index. <see cref="Total"/> is exact once every <see cref="Add"/> has returned;
/// read while threads are counting, it may lag behind.
/// </remarks>
public sealed class ContendedCounter
{
    // 16 longs = 128 bytes between padded slots: two cache lines, because x64 processors also
    // fetch the neighbouring line, which would otherwise let neighbouring slots still interfere.
    private const int PaddedStride = 16;

    private readonly object _gate = new();
    private readonly long[] _slots;
    private long _count;

    /// <summary>Creates a counter.</summary>
    /// <param name="kind">How the threads count.</param>
    /// <param name="threads">How many threads will count (each gets a slot in the sharded kinds); at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public ContendedCounter(CounterKind kind, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown counter kind.");
        }

        Kind = kind;
        Threads = threads;
        _slots = new long[kind == CounterKind.ShardedPadded ? threads * PaddedStride : threads];
    }

    /// <summary>How the threads count.</summary>
    public CounterKind Kind { get; }

    /// <summary>How many threads may count at once.</summary>
    public int Threads { get; }

    /// <summary>Adds <paramref name="increments"/> to the total, one increment at a time, as thread <paramref name="thread"/>.</summary>
    /// <param name="thread">This thread's index, 0 to <see cref="Threads"/> − 1; no two concurrent callers share one.</param>
    /// <param name="increments">How many increments; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public void Add(int thread, int increments)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(thread);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(thread, Threads);
        ArgumentOutOfRangeException.ThrowIfNegative(increments);
        switch (Kind)
        {
            case CounterKind.Lock:
                for (int i = 0; i < increments; i++)
                {
                    lock (_gate)
                    {
                        _count++;
                    }
                }

                break;
            case CounterKind.Interlocked:
                for (int i = 0; i < increments; i++)
                {
                    Interlocked.Increment(ref _count);
                }

                break;
            case CounterKind.ShardedAdjacent:
            case CounterKind.ShardedPadded:
                // A real sharded counter cannot assume one writer per shard, hence Interlocked;
                // uncontended, it costs little. Only the slots' spacing differs between the two kinds.
                int slot = Kind == CounterKind.ShardedPadded ? thread * PaddedStride : thread;
                for (int i = 0; i < increments; i++)
                {
                    Interlocked.Increment(ref _slots[slot]);
                }

                break;
            default:
                long local = 0;
                for (int i = 0; i < increments; i++)
                {
                    local++;
                }

                Interlocked.Add(ref _count, local);
                break;
        }
    }

    /// <summary>The total so far: the shared count plus every slot.</summary>
    /// <returns>The total.</returns>
    public long Total()
    {
        long sum = Interlocked.Read(ref _count);
        for (int i = 0; i < _slots.Length; i++)
        {
            sum += Interlocked.Read(ref _slots[i]);
        }

        return sum;
    }
}
