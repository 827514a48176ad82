namespace Workbook.Exercises;

/// <summary>One line of the progress table: an exercise and how far the learner got with it.</summary>
/// <param name="Chapter">The chapter, e.g. <c>"01-threads"</c>.</param>
/// <param name="ExerciseId">The exercise, e.g. <c>"01.1"</c>.</param>
/// <param name="Title">The exercise's title.</param>
/// <param name="Passed">True once it has passed.</param>
/// <param name="FirstPassed">When it first passed (UTC), or null.</param>
/// <param name="LastPassed">When it last passed (UTC), or null.</param>
/// <param name="Attempts">How many times its check ran.</param>
/// <param name="Failures">How many of those runs failed.</param>
public sealed record ProgressRow(
    string Chapter,
    string ExerciseId,
    string Title,
    bool Passed,
    DateTimeOffset? FirstPassed,
    DateTimeOffset? LastPassed,
    int Attempts,
    int Failures)
{
    /// <summary><c>passed</c> or <c>not yet</c>.</summary>
    public string Status => Passed ? "passed" : "not yet";
}
