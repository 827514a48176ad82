using System.Globalization;
using System.Text;

namespace Workbook.Benchmarking;

/// <summary>Formats benchmark rows as the plain-text ratio table the command prints, or as Markdown.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class BenchTable
{
    /// <summary>Width at which the notes column wraps onto continuation lines.</summary>
    public const int NotesWidth = 70;

    private static readonly string[] Headers = ["id", "measurement", "ratio", "target", "verdict", "notes"];

    /// <summary>The verdict as the table shows it: "met", "NOT MET", "reported", "skipped", "pending", "FAILED".</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    public static string StatusText(BenchStatus status) => status switch
    {
        BenchStatus.Met => "met",
        BenchStatus.NotMet => "NOT MET",
        BenchStatus.Reported => "reported",
        BenchStatus.Skipped => "skipped",
        BenchStatus.Pending => "pending",
        BenchStatus.Failed => "FAILED",
        _ => status.ToString(),
    };

    /// <summary>The whole report: a heading with the run and machine, the table, and a count of verdicts.</summary>
    /// <param name="results">The results.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Format(BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Concurrency Workbook benchmark, {results.StartedAt:yyyy-MM-dd HH:mm} UTC, {results.Rounds} round(s), {results.TotalSeconds:0} s in total, ");
        text.AppendLine(results.Judged ? "judged run" : "NOT a judged run (indicative only)");
        text.AppendLine($"Machine: {results.Machine}");
        text.AppendLine("Ratios are medians of interleaved rounds from this one run; absolute figures in the notes are context only.");
        text.AppendLine();
        text.Append(Format(results.Measurements));
        return text.ToString();
    }

    /// <summary>The table of <paramref name="rows"/> and a count of verdicts.</summary>
    /// <param name="rows">The rows, in order.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Format(IReadOnlyList<BenchMeasurement> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string[][] cells = [.. rows.Select(Cells)];
        int[] widths = [.. Enumerable.Range(0, Headers.Length - 1).Select(c => cells.Select(r => r[c].Length).Append(Headers[c].Length).Max())];
        var text = new StringBuilder();
        AppendLine(text, widths, Headers);
        AppendLine(text, widths, [.. widths.Select(w => new string('-', w)), "-----"]);
        foreach (string[] row in cells)
        {
            List<string> notes = Wrap(row[^1], NotesWidth);
            AppendLine(text, widths, [.. row[..^1], notes[0]]);
            foreach (string more in notes.Skip(1))
            {
                AppendLine(text, widths, [.. widths.Select(_ => ""), more]);
            }
        }

        text.AppendLine();
        text.AppendLine(Counts(rows));
        return text.ToString();
    }

    /// <summary>The rows as a Markdown table (for an issue or a README).</summary>
    /// <param name="rows">The rows, in order.</param>
    /// <returns>The Markdown text.</returns>
    public static string Markdown(IReadOnlyList<BenchMeasurement> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", Headers) + " |");
        text.AppendLine("|" + string.Concat(Headers.Select(_ => "---|")));
        foreach (string[] row in rows.Select(Cells))
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        return text.ToString();
    }

    /// <summary>E.g. <c>met 5 · not met 2 · reported 6 · skipped 1 · pending 2 · failed 0</c>.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>One line.</returns>
    public static string Counts(IReadOnlyList<BenchMeasurement> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int Count(BenchStatus status) => rows.Count(r => r.Status == status);
        return $"met {Count(BenchStatus.Met)} · not met {Count(BenchStatus.NotMet)} · reported {Count(BenchStatus.Reported)} · "
            + $"skipped {Count(BenchStatus.Skipped)} · pending {Count(BenchStatus.Pending)} · failed {Count(BenchStatus.Failed)}";
    }

    private static string[] Cells(BenchMeasurement row) =>
    [
        row.Id,
        row.Name,
        row.Ratio is { } ratio ? BenchFormat.Ratio(ratio) : "—",
        row.Target?.ToString() ?? "—",
        StatusText(row.Status),
        row.Notes,
    ];

    private static void AppendLine(StringBuilder text, int[] widths, string[] cells)
    {
        var line = new StringBuilder();
        for (int c = 0; c < widths.Length; c++)
        {
            line.Append(cells[c].PadRight(widths[c])).Append("  ");
        }

        line.Append(cells[^1]);
        text.AppendLine(line.ToString().TrimEnd());
    }

    /// <summary>Splits <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> characters (a longer word gets a line of its own).</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(current.ToString());
        return lines;
    }
}
