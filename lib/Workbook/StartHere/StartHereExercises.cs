using Workbook.Exercises;

namespace Workbook.StartHere;

/// <summary>The exercise of chapter 00 (start here): a warm-up that also shows how checks work.</summary>
public sealed class StartHereExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "00-start-here";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IMedian>(
            "00.1",
            ChapterName,
            "A correct median",
            [
                "The median is the middle value once the values are in order. Are the values you are given in order?",
                "Copy and sort (var sorted = values.Order().ToArray();). With n values the middle index is n / 2 when n is odd; "
                    + "when n is even there are two middle values, at n / 2 - 1 and n / 2.",
                "Nearly the answer: var s = values.Order().ToArray(); int n = s.Length; "
                    + "return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;",
            ],
            MedianCheck.Verify),
    ];
}
