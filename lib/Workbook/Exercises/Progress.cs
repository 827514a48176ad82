namespace Workbook.Exercises;

/// <summary>
/// The learner's progress through the workbook's exercises, read from the per-user progress
/// file (see <see cref="ProgressStore"/> for where it lives). Used by chapter 00 and by the
/// runner's <c>progress</c> command.
/// </summary>
/// <remarks>Each call re-reads the file, so it reflects checks run in other processes too.</remarks>
public static class Progress
{
    /// <summary>The progress file in use: <c>$WORKBOOK_PROGRESS</c>, else <c>~/.concurrency-workbook/progress.json</c>.</summary>
    public static string FilePath => ProgressStore.DefaultPath;

    /// <summary>One row per exercise in the catalogue (or in one chapter) with its status.</summary>
    /// <param name="chapter">Only this chapter (e.g. <c>"01-threads"</c>), or null for all.</param>
    /// <returns>The rows, in chapter and exercise order.</returns>
    public static IReadOnlyList<ProgressRow> Rows(string? chapter = null) => Rows(ProgressStore.ForCurrentUser(), chapter);

    /// <summary>The rows for a given store (tests, or a runner with its own file).</summary>
    /// <param name="store">Where progress is read from.</param>
    /// <param name="chapter">Only this chapter, or null for all.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<ProgressRow> Rows(ProgressStore store, string? chapter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ProgressReport.Rows(ExerciseCatalogue.All, store.Load(), chapter);
    }

    /// <summary>The progress table as plain text, followed by the progress file's path.</summary>
    /// <param name="chapter">Only this chapter, or null for all.</param>
    /// <returns>The report text.</returns>
    public static string Report(string? chapter = null) => Report(ProgressStore.ForCurrentUser(), chapter);

    /// <summary>The progress table for a given store, followed by its path.</summary>
    /// <param name="store">Where progress is read from.</param>
    /// <param name="chapter">Only this chapter, or null for all.</param>
    /// <returns>The report text.</returns>
    public static string Report(ProgressStore store, string? chapter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<ProgressRow> rows = Rows(store, chapter);
        string table = rows.Count == 0 && chapter is not null
            ? $"No exercises found for chapter '{chapter}'. Chapters with exercises: {string.Join(", ", ExerciseCatalogue.Chapters)}."
            : ProgressReport.Format(rows);
        return $"{table}\nProgress file: {store.Path}";
    }
}
