namespace Workbook.BalancingExercises;

/// <summary>The decision rule of power of two choices, written by you (exercise 07.3).</summary>
/// <remarks>
/// A correct answer samples two DIFFERENT backends uniformly at random with the given
/// <see cref="Random"/> and returns the one with fewer outstanding requests (the first sampled on
/// a tie). So of three backends it never chooses the strictly busiest, and of two it always
/// chooses the less loaded one. With a single backend it returns 0.
/// </remarks>
public interface ITwoChoices
{
    /// <summary>Chooses the backend for one request.</summary>
    /// <param name="outstanding">Requests outstanding on each backend; backend i has <c>outstanding[i]</c>. At least one backend.</param>
    /// <param name="random">The random source to sample with (seeded by the caller, so decisions repeat).</param>
    /// <returns>The chosen backend's index.</returns>
    int Choose(IReadOnlyList<int> outstanding, Random random);
}
