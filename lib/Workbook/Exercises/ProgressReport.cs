using System.Globalization;
using System.Text;

namespace Workbook.Exercises;

/// <summary>Builds and formats the progress table from exercises and stored progress.</summary>
/// <remarks>Pure functions over their arguments; safe from any thread.</remarks>
public static class ProgressReport
{
    /// <summary>One row per exercise (optionally one chapter's), in catalogue order.</summary>
    /// <param name="exercises">The exercises to list.</param>
    /// <param name="progress">Stored progress by exercise id (ids not among the exercises are ignored).</param>
    /// <param name="chapter">Only this chapter, or null for all.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<ProgressRow> Rows(
        IEnumerable<Exercise> exercises,
        IReadOnlyDictionary<string, ExerciseProgress> progress,
        string? chapter = null)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        ArgumentNullException.ThrowIfNull(progress);
        return
        [
            .. exercises
                .Where(e => chapter is null || e.Chapter == chapter)
                .OrderBy(e => e.Chapter, StringComparer.Ordinal)
                .ThenBy(e => e.Id, Comparer<string>.Create(ExerciseText.CompareIds))
                .Select(e =>
                {
                    ExerciseProgress p = progress.TryGetValue(e.Id, out ExerciseProgress? found) ? found : ExerciseProgress.None(e.Id);
                    return new ProgressRow(e.Chapter, e.Id, e.Title, p.Passed, p.FirstPassed, p.LastPassed, p.Attempts, p.Failures);
                }),
        ];
    }

    /// <summary>
    /// A plain-text table (chapter, exercise, title, status, first passed in local time) and a
    /// summary line such as <c>2 of 3 exercises passed.</c>
    /// </summary>
    /// <param name="rows">The rows to show.</param>
    /// <returns>The table text, lines separated by <c>\n</c>.</returns>
    public static string Format(IReadOnlyList<ProgressRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return "No exercises to show.";
        }

        string[] header = ["Chapter", "Exercise", "Title", "Status", "Passed on"];
        var cells = rows
            .Select(r => new[] { r.Chapter, r.ExerciseId, r.Title, r.Status, When(r.FirstPassed) })
            .ToList();
        int[] widths = [.. Enumerable.Range(0, header.Length).Select(c => Math.Max(header[c].Length, cells.Max(row => row[c].Length)))];

        var text = new StringBuilder();
        AppendLine(text, header, widths);
        AppendLine(text, [.. widths.Select(w => new string('-', w))], widths);
        foreach (string[] row in cells)
        {
            AppendLine(text, row, widths);
        }

        int passed = rows.Count(r => r.Passed);
        text.Append(CultureInfo.InvariantCulture, $"{passed} of {rows.Count} exercises passed.");
        return text.ToString();
    }

    private static string When(DateTimeOffset? at) =>
        at is { } time ? time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            bool last = c == cells.Length - 1;
            text.Append(last ? cells[c] : cells[c].PadRight(widths[c] + 2));
        }

        text.Append('\n');
    }
}
