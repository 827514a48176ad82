using System.Globalization;
using System.Text;
using System.Text.Json;
using Workbook.Exercises;

namespace Workbook.Runner.Progress;

/// <summary>One learner's progress file, read for an instructor.</summary>
/// <param name="Name">The learner, from the file name (<c>alice.json</c>) or, for a file called progress.json, its folder.</param>
/// <param name="File">The file read.</param>
/// <param name="Rows">One row per exercise (empty when the file could not be read).</param>
/// <param name="Problem">Why the file could not be read, or null.</param>
public sealed record LearnerProgress(string Name, string File, IReadOnlyList<ProgressRow> Rows, string? Problem)
{
    /// <summary>How many exercises the learner has passed.</summary>
    public int Passed => Rows.Count(r => r.Passed);

    /// <summary>When the learner last ran a check that passed, or null.</summary>
    public DateTimeOffset? LastPassed => Rows.Max(r => r.LastPassed);
}

/// <summary>
/// The instructor's view of the runner's <c>progress</c> command: several learners' progress files
/// read side by side (never modified, never locked), as a table of exercises against learners or as JSON.
/// </summary>
/// <remarks>Stateless; safe from any thread.</remarks>
public static class ClassProgress
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The progress files named by <paramref name="paths"/>: files as given, folders' <c>*.json</c> files (and their subfolders' progress.json).</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static IReadOnlyList<string> Files(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (System.IO.File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal));
                files.AddRange(Directory.GetDirectories(path).Order(StringComparer.Ordinal)
                    .Select(d => Path.Combine(d, "progress.json")).Where(System.IO.File.Exists));
            }
            else
            {
                throw new FileNotFoundException($"{path}: no such progress file or folder.", path);
            }
        }

        return files;
    }

    /// <summary>Reads each file without changing it; a file that cannot be read is reported, not skipped.</summary>
    /// <param name="files">Progress files.</param>
    /// <param name="exercises">The exercises to list (the catalogue).</param>
    /// <param name="chapter">Only this chapter, or null.</param>
    /// <returns>One entry per file, in the order given.</returns>
    public static IReadOnlyList<LearnerProgress> Read(IEnumerable<string> files, IReadOnlyList<Exercise> exercises, string? chapter)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(exercises);
        return
        [
            .. files.Select(file =>
            {
                string name = LearnerName(file);
                try
                {
                    ProgressFile parsed = ProgressFile.Parse(System.IO.File.ReadAllText(file));
                    var progress = parsed.Exercises.Keys.ToDictionary(id => id, parsed.Get, StringComparer.Ordinal);
                    return new LearnerProgress(name, file, ProgressReport.Rows(exercises, progress, chapter), null);
                }
                catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
                {
                    return new LearnerProgress(name, file, [], e.Message);
                }
            }),
        ];
    }

    /// <summary>
    /// A table with a row per exercise and a column per learner (<c>✓</c> passed, <c>✗3</c> failed three
    /// times and not passed yet, <c>·</c> checked only the untouched stub, <c>-</c> never checked), how many
    /// learners passed each exercise, then a line per learner.
    /// </summary>
    /// <param name="learners">The learners, as read.</param>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public static string Format(IReadOnlyList<LearnerProgress> learners)
    {
        ArgumentNullException.ThrowIfNull(learners);
        var readable = learners.Where(l => l.Problem is null).ToList();
        var text = new StringBuilder();
        if (readable.Count > 0)
        {
            IReadOnlyList<ProgressRow> exercises = readable[0].Rows;
            string[] header = ["Exercise", "Title", .. readable.Select(l => l.Name), "Passed by"];
            var rows = exercises.Select((row, i) => (string[])
            [
                row.ExerciseId,
                row.Title,
                .. readable.Select(l => Mark(l.Rows[i])),
                $"{readable.Count(l => l.Rows[i].Passed)} of {readable.Count}",
            ]).ToList();
            Table(text, header, rows);
            text.Append("\n✓ passed   ✗N failed N times, not passed yet   · only the untouched stub checked   - never checked\n\n");
            Table(text, ["Learner", "Passed", "Last passed", "File"],
                [.. readable.Select(l => new[] { l.Name, $"{l.Passed} of {l.Rows.Count}", When(l.LastPassed), l.File })]);
        }

        foreach (LearnerProgress broken in learners.Where(l => l.Problem is not null))
        {
            text.Append(CultureInfo.InvariantCulture, $"{broken.Name}: {broken.File} cannot be read ({broken.Problem}).\n");
        }

        return text.Length == 0 ? "No progress files given." : text.ToString().TrimEnd('\n');
    }

    /// <summary>The learners' progress as indented JSON: name, file, problem, passed count and every exercise row.</summary>
    /// <param name="learners">The learners, as read.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IReadOnlyList<LearnerProgress> learners)
    {
        ArgumentNullException.ThrowIfNull(learners);
        var shape = learners.Select(l => new
        {
            l.Name,
            l.File,
            l.Problem,
            l.Passed,
            Exercises = l.Rows.Select(r => new { r.Chapter, Id = r.ExerciseId, r.Title, r.Passed, r.Attempts, r.Failures, r.FirstPassed, r.LastPassed }),
        });
        return JsonSerializer.Serialize(shape, s_json);
    }

    private static string LearnerName(string file)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        string? folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)));
        return name == "progress" && !string.IsNullOrEmpty(folder) ? folder : name;
    }

    private static string Mark(ProgressRow row) =>
        row.Passed ? "✓" : row.Failures > 0 ? $"✗{row.Failures}" : row.Attempts > 0 ? "·" : "-";

    private static string When(DateTimeOffset? at) =>
        at is { } time ? time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

    private static void Table(StringBuilder text, string[] header, List<string[]> rows)
    {
        int[] widths = [.. header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length)))];
        foreach (string[] line in new[] { header, widths.Select(w => new string('-', w)).ToArray() }.Concat(rows))
        {
            text.Append(string.Join("  ", line.Select((cell, c) => c == line.Length - 1 ? cell : cell.PadRight(widths[c])))).Append('\n');
        }
    }
}
