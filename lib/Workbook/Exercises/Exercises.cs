namespace Workbook.Exercises;

/// <summary>
/// The entry point for notebook cells: <c>Exercises.Check("01.1", () => new SafeCounter());</c>
/// and <c>Exercises.Hint("01.1");</c>.
/// </summary>
/// <remarks>
/// Backed by one process-wide <see cref="ExerciseRunner"/> with the default 20 s time limit that
/// records results in the per-user progress file (<see cref="ProgressStore.DefaultPath"/>:
/// <c>$WORKBOOK_PROGRESS</c>, else <c>~/.concurrency-workbook/progress.json</c>). Safe to call
/// from any thread; nothing here throws into the notebook.
/// </remarks>
public static class Exercises
{
    private static readonly Lazy<ExerciseRunner> s_runner =
        new(() => new ExerciseRunner(new ExerciseRunnerOptions { Progress = ProgressStore.ForCurrentUser() }));

    /// <summary>The process-wide runner behind these methods.</summary>
    public static ExerciseRunner Runner => s_runner.Value;

    /// <summary>All exercises in the workbook.</summary>
    public static IReadOnlyList<Exercise> All => ExerciseCatalogue.All;

    /// <summary>Checks your answer and prints PASSED, FAILED (with what went wrong) or NOT ATTEMPTED YET.</summary>
    /// <typeparam name="T">Your class; it must implement the interface the exercise names.</typeparam>
    /// <param name="id">The exercise id, e.g. <c>"01.1"</c>.</param>
    /// <param name="create">Makes a fresh instance of your answer, e.g. <c>() => new SafeCounter()</c>.</param>
    /// <returns>The outcome, for code that wants to act on it.</returns>
    public static CheckResult Check<T>(string id, Func<T> create) => Runner.Check(id, create);

    /// <summary>Prints the next hint for the exercise: a nudge first, more specific each time.</summary>
    /// <param name="id">The exercise id, e.g. <c>"01.1"</c>.</param>
    public static void Hint(string id) => Runner.Hint(id);

    /// <summary>Prints one particular hint level (1 = gentlest).</summary>
    /// <param name="id">The exercise id.</param>
    /// <param name="level">The level to show.</param>
    public static void Hint(string id, int level) => Runner.Hint(id, level);
}
