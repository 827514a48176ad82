using System.Globalization;
using Workbook.Processes;

namespace Workbook.Capstone;

/// <summary>
/// The capstone service's workload. A client asks for the "quote" of a product key; the answer is the
/// number of primes in that key's block of integers, a CPU-bound computation of a few milliseconds
/// whose result is easy to check. Every key has a block of the same width far from zero, so all keys
/// cost about the same.
/// </summary>
/// <remarks>Pure functions and constants: thread-safe.</remarks>
public static class Quotes
{
    /// <summary>How many keys (products) exist: valid keys are 0 to <see cref="KeyCount"/> − 1.</summary>
    public const int KeyCount = 1_000;

    /// <summary>Where key 0's block starts. Far from zero, so every block costs about the same to count.</summary>
    public const long BlockStart = 10_000_000;

    /// <summary>How many integers each key's block holds (a few milliseconds of trial division in a debug build).</summary>
    public const long BlockWidth = 6_000;

    /// <summary>The integers whose primes make up <paramref name="key"/>'s quote: [From, To).</summary>
    /// <param name="key">A valid key.</param>
    /// <returns>The inclusive start and exclusive end.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The key is not between 0 and <see cref="KeyCount"/> − 1.</exception>
    public static (long From, long To) Block(int key)
    {
        Validate(key);
        long from = BlockStart + (key * BlockWidth);
        return (from, from + BlockWidth);
    }

    /// <summary>The work item a worker process runs to answer <paramref name="key"/>.</summary>
    /// <param name="key">A valid key.</param>
    /// <returns>A prime-counting item labelled <c>quote K</c>; its result's value is the quote.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The key is out of range.</exception>
    public static WorkItem WorkFor(int key)
    {
        (long from, long to) = Block(key);
        return WorkItem.CountPrimes(from, to) with { Label = string.Create(CultureInfo.InvariantCulture, $"quote {key}") };
    }

    /// <summary>Computes the quote right here, on the calling thread (what the naive service does).</summary>
    /// <param name="key">A valid key.</param>
    /// <param name="cancellationToken">Stops the computation early.</param>
    /// <returns>The number of primes in the key's block.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The key is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static long Compute(int key, CancellationToken cancellationToken = default)
    {
        (long from, long to) = Block(key);
        return CpuWork.CountPrimes(from, to, cancellationToken);
    }

    /// <summary>Throws unless <paramref name="key"/> is a valid key.</summary>
    /// <param name="key">The key to check.</param>
    /// <exception cref="ArgumentOutOfRangeException">The key is not between 0 and <see cref="KeyCount"/> − 1.</exception>
    public static void Validate(int key)
    {
        if (key is < 0 or >= KeyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, $"Quote keys run from 0 to {KeyCount - 1}; {key} is not one of them.");
        }
    }
}
