using System.Reflection;

namespace Workbook.Exercises;

/// <summary>
/// Every exercise in the workbook, gathered from the <see cref="IExerciseSet"/> classes in the
/// library and ordered by chapter and number.
/// </summary>
/// <remarks>Built once on first use; thread-safe and immutable afterwards.</remarks>
public static class ExerciseCatalogue
{
    private static readonly Lazy<IReadOnlyList<Exercise>> s_all =
        new(() => Build(typeof(ExerciseCatalogue).Assembly.GetTypes()));

    /// <summary>All exercises, ordered by chapter then number.</summary>
    public static IReadOnlyList<Exercise> All => s_all.Value;

    /// <summary>The chapters that have exercises, in order.</summary>
    public static IReadOnlyList<string> Chapters => [.. All.Select(e => e.Chapter).Distinct()];

    /// <summary>Finds an exercise by id.</summary>
    /// <param name="id">E.g. <c>"01.1"</c>.</param>
    /// <returns>The exercise, or null when there is none with that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public static Exercise? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Find(All, id);
    }

    /// <summary>The exercises of one chapter, in order (empty for an unknown chapter).</summary>
    /// <param name="chapter">E.g. <c>"01-threads"</c>.</param>
    /// <returns>The chapter's exercises.</returns>
    public static IReadOnlyList<Exercise> ForChapter(string chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return [.. All.Where(e => e.Chapter == chapter)];
    }

    internal static Exercise? Find(IEnumerable<Exercise> exercises, string id) =>
        exercises.FirstOrDefault(e => string.Equals(e.Id, id?.Trim(), StringComparison.Ordinal));

    /// <summary>Instantiates every exercise set among <paramref name="types"/> and validates the result.</summary>
    internal static IReadOnlyList<Exercise> Build(IEnumerable<Type> types)
    {
        var exercises = new List<Exercise>();
        foreach (Type type in types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IExerciseSet).IsAssignableFrom(t)))
        {
            ConstructorInfo constructor = type.GetConstructor(Type.EmptyTypes)
                ?? throw new InvalidOperationException($"Exercise set {type.FullName} needs a public parameterless constructor.");
            var set = (IExerciseSet)constructor.Invoke(null);
            foreach (Exercise exercise in set.Exercises)
            {
                if (exercise.Chapter != set.Chapter)
                {
                    throw new InvalidOperationException(
                        $"Exercise {exercise.Id} says chapter '{exercise.Chapter}' but sits in the set for '{set.Chapter}' ({type.FullName}).");
                }

                exercises.Add(exercise);
            }
        }

        var duplicate = exercises.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Exercise id {duplicate.Key} is defined {duplicate.Count()} times.");
        }

        exercises.Sort((a, b) => ExerciseText.CompareIds(a.Id, b.Id));
        return exercises.AsReadOnly();
    }
}
