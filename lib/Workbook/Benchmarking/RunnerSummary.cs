using System.Globalization;

namespace Workbook.Benchmarking;

/// <summary>One notebook's line of the runner's <c>summary.txt</c>.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Cells">Code cells run.</param>
/// <param name="Seconds">Wall time of the notebook in its own kernel.</param>
/// <param name="Status">"ok", "FAILED" or "ERROR".</param>
public sealed record NotebookTime(string Notebook, int Cells, double Seconds, string Status)
{
    /// <summary>Whether the notebook passed.</summary>
    public bool Succeeded => Status == "ok";
}

/// <summary>The runner's <c>summary.txt</c>, read back: time per notebook and of the whole run.</summary>
/// <param name="Notebooks">One line per notebook, in run order.</param>
/// <param name="TotalSeconds">The runner's own wall time for the whole run.</param>
/// <param name="Succeeded">True when the total line says "ok".</param>
/// <remarks>Immutable.</remarks>
public sealed record RunnerSummary(IReadOnlyList<NotebookTime> Notebooks, double TotalSeconds, bool Succeeded)
{
    /// <summary>Parses the table the runner writes (<c>notebook cells seconds status</c>, a dashed line, rows, a total row).</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="FormatException">The header, a row or the total row is not as the runner writes it (the message quotes the line).</exception>
    public static RunnerSummary Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length < 3 || !lines[0].TrimStart().StartsWith("notebook", StringComparison.Ordinal))
        {
            throw new FormatException("This is not a runner summary: the first line should be the 'notebook cells seconds status' header.");
        }

        var notebooks = new List<NotebookTime>();
        foreach (string line in lines.Skip(2))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4)
            {
                throw new FormatException($"Runner summary line '{line}' should have a name, a cell count, seconds and a status.");
            }

            int cells = int.Parse(parts[1], CultureInfo.InvariantCulture);
            // The runner formats seconds in the current culture; accept a decimal comma too.
            double seconds = double.Parse(parts[2].Replace(',', '.'), CultureInfo.InvariantCulture);
            string status = string.Join(' ', parts.Skip(3));
            if (parts[0] == "total")
            {
                return new RunnerSummary(notebooks, seconds, status == "ok");
            }

            notebooks.Add(new NotebookTime(parts[0], cells, seconds, status));
        }

        throw new FormatException("The runner summary has no 'total' line.");
    }
}
