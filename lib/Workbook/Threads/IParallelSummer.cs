namespace Workbook.Threads;

/// <summary>Sums an array by splitting it into parts summed on separate threads (exercise 01.2).</summary>
public interface IParallelSummer
{
    /// <summary>
    /// Splits <paramref name="data"/> into <paramref name="parts"/> contiguous ranges, sums each
    /// range on its own thread (or task), and returns the total.
    /// </summary>
    /// <param name="data">The numbers; read them with <c>data[i]</c> and <c>data.Length</c> (at least <paramref name="parts"/> elements).</param>
    /// <param name="parts">How many ranges (and threads) to use; at least 1.</param>
    /// <returns>The sum of every element, each counted exactly once.</returns>
    long Sum(TrackedArray data, int parts);
}
