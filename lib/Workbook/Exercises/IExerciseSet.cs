namespace Workbook.Exercises;

/// <summary>
/// One chapter's exercises. Any non-abstract class in the Workbook library that implements
/// this interface and has a public parameterless constructor is picked up by
/// <see cref="ExerciseCatalogue"/>, so adding a chapter needs no edit to a shared list.
/// </summary>
public interface IExerciseSet
{
    /// <summary>The chapter folder name, e.g. <c>"01-threads"</c>.</summary>
    string Chapter { get; }

    /// <summary>The chapter's exercises in the order the notebook presents them.</summary>
    IReadOnlyList<Exercise> Exercises { get; }
}
