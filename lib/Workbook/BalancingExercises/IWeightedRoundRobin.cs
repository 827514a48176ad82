namespace Workbook.BalancingExercises;

/// <summary>A weighted round-robin schedule you write (exercise 07.1).</summary>
/// <remarks>
/// A correct answer gives every backend exactly its weight in each full cycle of Σ weights picks,
/// and interleaves them smoothly: after any number of picks t, backend i has been picked within one
/// pick of its fair share t × wᵢ / Σw. Weights 5:3:2 start <c>0 1 2 0 0 1 0 2 1 0</c>, not <c>0 0 0 0 0 1 1 1 2 2</c>.
/// Each call starts a fresh schedule; the same weights always give the same picks.
/// </remarks>
public interface IWeightedRoundRobin
{
    /// <summary>The first <paramref name="count"/> picks of weighted round-robin over backends with these weights.</summary>
    /// <param name="weights">The backends' weights, each 1 or more; backend i has weight <c>weights[i]</c>.</param>
    /// <param name="count">How many picks to return (1 or more).</param>
    /// <returns>The picks in order, each an index into <paramref name="weights"/>.</returns>
    IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count);
}
