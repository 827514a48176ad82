namespace Workbook.Threads;

/// <summary>
/// An array of ints that remembers how often each element was read and by which thread, so a
/// check can see how the work was partitioned (exercise 01.2). Read it like an array:
/// <c>data.Length</c> and <c>data[i]</c>.
/// </summary>
/// <remarks>
/// Thread-safe for concurrent reads (that is the point). The values never change after
/// construction. Each read costs an interlocked increment, so it is slower than a plain array.
/// </remarks>
public sealed class TrackedArray
{
    private readonly int[] _values;
    private readonly int[] _reads;
    private readonly int[] _readers;

    /// <summary>Wraps a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The numbers.</param>
    public TrackedArray(int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = (int[])values.Clone();
        _reads = new int[values.Length];
        _readers = new int[values.Length];
    }

    /// <summary>The number of elements.</summary>
    public int Length => _values.Length;

    /// <summary>Reads element <paramref name="index"/> and records who read it.</summary>
    /// <param name="index">0 to <see cref="Length"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the array.</exception>
    public int this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_values.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"Index {index} is outside the array (valid: 0 to {_values.Length - 1}).");
            }

            // Interlocked: two overlapping ranges may read the same element at the same moment,
            // and both reads must be counted to reveal the overlap.
            Interlocked.Increment(ref _reads[index]);
            _readers[index] = Environment.CurrentManagedThreadId;
            return _values[index];
        }
    }

    /// <summary>How many distinct threads have read elements so far.</summary>
    public int ThreadsUsed => _readers.Where((_, i) => Volatile.Read(ref _reads[i]) > 0).Distinct().Count();

    /// <summary>How many times element <paramref name="index"/> has been read.</summary>
    /// <param name="index">The element.</param>
    /// <returns>The read count.</returns>
    public int ReadCount(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _values.Length);
        return Volatile.Read(ref _reads[index]);
    }

    /// <summary>The sum of all elements, computed directly (for comparisons).</summary>
    /// <returns>The exact sum.</returns>
    public long SequentialSum()
    {
        long sum = 0;
        foreach (int value in _values)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>Summarises which elements were never read or read more than once.</summary>
    internal Coverage Inspect()
    {
        int missing = 0, repeated = 0, firstMissing = -1, firstRepeated = -1, lastMissing = -1, worstRepeat = 0;
        for (int i = 0; i < _reads.Length; i++)
        {
            int reads = Volatile.Read(ref _reads[i]);
            if (reads == 0)
            {
                missing++;
                lastMissing = i;
                if (firstMissing < 0)
                {
                    firstMissing = i;
                }
            }
            else if (reads > 1)
            {
                repeated++;
                worstRepeat = Math.Max(worstRepeat, reads);
                if (firstRepeated < 0)
                {
                    firstRepeated = i;
                }
            }
        }

        return new Coverage(missing, firstMissing, lastMissing, repeated, firstRepeated, worstRepeat);
    }

    /// <summary>Which elements were missed or read repeatedly.</summary>
    internal readonly record struct Coverage(
        int Missing, int FirstMissing, int LastMissing, int Repeated, int FirstRepeated, int WorstRepeat);
}
