using System.Globalization;

namespace Workbook.Exercises;

/// <summary>Small formatting helpers shared by checks, so messages read the same everywhere.</summary>
public static class ExerciseText
{
    /// <summary>A whole number with thousands separators, e.g. <c>1,000,000</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The invariant-culture text.</returns>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A duration for messages: <c>20 s</c>, <c>1.5 s</c> or <c>250 ms</c>.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.#} ms");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s");
    }

    /// <summary>The sentence appended to every failure: how to get a hint.</summary>
    /// <param name="exerciseId">The exercise.</param>
    /// <returns>E.g. <c>Run Exercises.Hint("01.1") for a nudge.</c></returns>
    public static string HintSuggestion(string exerciseId)
    {
        ArgumentNullException.ThrowIfNull(exerciseId);
        return $"Run Exercises.Hint(\"{exerciseId}\") for a nudge.";
    }

    /// <summary>Orders exercise ids numerically: 01.2 before 01.10.</summary>
    /// <param name="left">One id.</param>
    /// <param name="right">The other id.</param>
    /// <returns>Negative, zero or positive, like <see cref="IComparer{T}.Compare"/>.</returns>
    public static int CompareIds(string? left, string? right)
    {
        static (int Chapter, int Number) Parse(string id)
        {
            int dot = id.IndexOf('.', StringComparison.Ordinal);
            return dot > 0
                && int.TryParse(id.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int chapter)
                && int.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                ? (chapter, number)
                : (int.MaxValue, int.MaxValue);
        }

        if (left is null || right is null)
        {
            return string.CompareOrdinal(left, right);
        }

        var (leftChapter, leftNumber) = Parse(left);
        var (rightChapter, rightNumber) = Parse(right);
        int byChapter = leftChapter.CompareTo(rightChapter);
        if (byChapter != 0)
        {
            return byChapter;
        }

        int byNumber = leftNumber.CompareTo(rightNumber);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(left, right);
    }
}
