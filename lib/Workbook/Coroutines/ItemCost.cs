using System.Diagnostics;
using System.Reflection;

namespace Workbook.Coroutines;

/// <summary>
/// The same work (add up <c>2 × i</c> for i from 0 to count − 1) done five ways, to measure what
/// each way of producing items costs per item: a plain loop, an iterator (<c>yield return</c>),
/// LINQ, an async iterator consumed with <c>await foreach</c>, and an async iterator of batches.
/// </summary>
/// <remarks>Stateless; every method may be called from any thread. All of them return <see cref="Expected"/>.</remarks>
public static class ItemCost
{
    /// <summary>
    /// True when the JIT optimises this library's code. A Debug build (the workbook's default, so
    /// you can step into it) disables optimisation, which makes the loop and the iterators several
    /// times slower than in a Release build; LINQ's code lives in the (always optimised) runtime.
    /// </summary>
    public static bool LibraryIsOptimized { get; } =
        typeof(ItemCost).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    /// <summary>The sum every method returns: 2 × (0 + 1 + … + (count − 1)) = count × (count − 1).</summary>
    /// <param name="count">How many items.</param>
    /// <returns>The sum.</returns>
    public static long Expected(int count) => (long)count * (count - 1);

    /// <summary>A plain <c>for</c> loop: no enumerator at all.</summary>
    /// <param name="count">How many items; 0 or more.</param>
    /// <returns>The sum.</returns>
    public static long Loop(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += i * 2L;
        }

        return sum;
    }

    /// <summary><c>foreach</c> over an iterator method: two interface calls (MoveNext, Current) per item.</summary>
    /// <param name="count">How many items; 0 or more.</param>
    /// <returns>The sum.</returns>
    public static long Iterator(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long sum = 0;
        foreach (long item in Doubled(count))
        {
            sum += item;
        }

        return sum;
    }

    /// <summary><c>Enumerable.Range(0, count).Select(i => i * 2L).Sum()</c>: an enumerator plus a delegate call per item.</summary>
    /// <param name="count">How many items; 0 or more.</param>
    /// <returns>The sum.</returns>
    public static long Linq(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Enumerable.Range(0, count).Select(i => i * 2L).Sum();
    }

    /// <summary><c>await foreach</c> over an async iterator whose items are all ready at once (no real waiting).</summary>
    /// <param name="count">How many items; 0 or more.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The sum.</returns>
    public static async Task<long> AsyncIteratorAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long sum = 0;
        await foreach (long item in DoubledAsync(count).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            sum += item;
        }

        return sum;
    }

    /// <summary>
    /// <c>await foreach</c> over an async iterator that hands the items out in arrays of
    /// <paramref name="batchSize"/>: one <c>MoveNextAsync</c> per batch instead of per item.
    /// </summary>
    /// <param name="count">How many items; 0 or more.</param>
    /// <param name="batchSize">Items per batch; at least 1.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The sum.</returns>
    public static async Task<long> AsyncBatchesAsync(int count, int batchSize = 1_000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long sum = 0;
        await foreach (long[] batch in DoubledInBatchesAsync(count, batchSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (long item in batch)
            {
                sum += item;
            }
        }

        return sum;
    }

    private static IEnumerable<long> Doubled(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return i * 2L;
        }
    }

    private static async IAsyncEnumerable<long[]> DoubledInBatchesAsync(
        int count,
        int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        for (int start = 0; start < count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A new array per batch: the consumer may keep it (see exercise 04.1).
            var batch = new long[Math.Min(batchSize, count - start)];
            for (int i = 0; i < batch.Length; i++)
            {
                batch[i] = (start + i) * 2L;
            }

            yield return batch;
        }
    }

    private static async IAsyncEnumerable<long> DoubledAsync(
        int count,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Already-completed await: the cost measured is the async-iterator machinery
        // (MoveNextAsync returning a ValueTask<bool> per item), not any real waiting.
        await Task.CompletedTask.ConfigureAwait(false);
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return i * 2L;
        }
    }
}
