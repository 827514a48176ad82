using System.Text;
using Workbook.Runner.Execution;

namespace Workbook.Runner.Twins;

/// <summary>
/// The runner's <c>twins</c> command: writes each notebook's twin (<c>twins/NN-name.cs</c>), or with
/// <c>--check</c> only compares the committed twins with what the notebooks generate.
/// </summary>
public static class TwinsCommand
{
    /// <summary>Generates or checks the twins of <paramref name="paths"/> (notebooks or folders of them).</summary>
    /// <param name="paths">Notebook files or folders.</param>
    /// <param name="folder">The folder of the twins.</param>
    /// <param name="check">Compare instead of writing.</param>
    /// <param name="solutions">Generate with the reference solutions in place of the exercise stubs.</param>
    /// <param name="output">Where progress and findings are printed.</param>
    /// <returns>0 when every twin was written (or is up to date), 1 when <paramref name="check"/> found a stale or missing twin.</returns>
    /// <exception cref="TwinException">A notebook cannot be turned into a twin.</exception>
    public static int Run(IReadOnlyList<string> paths, string folder, bool check, bool solutions, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        int stale = 0;
        foreach (string notebook in WorkbookRun.ResolveNotebooks(paths))
        {
            TwinFile twin = TwinGenerator.Generate(notebook, folder, solutions);
            string summary = $"{twin.Charts} chart(s), exercises {(twin.Exercises.Count == 0 ? "none" : string.Join(", ", twin.Exercises))}"
                + (twin.Renames.Count == 0 ? "" : $", {twin.Renames.Count} name(s) changed");
            if (!check)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(twin.Path, twin.Source, new UTF8Encoding(false));
                output.WriteLine($"wrote {twin.Path} ({summary})");
                continue;
            }

            string? difference = Difference(twin);
            if (difference is null)
            {
                output.WriteLine($"{twin.Path} is up to date ({summary})");
                continue;
            }

            stale++;
            output.WriteLine($"{twin.Path} {difference}. Regenerate it: dotnet run --project lib/Workbook.Runner -- twins {notebook}");
        }

        return stale == 0 ? 0 : 1;
    }

    /// <summary>How the committed twin differs from <paramref name="twin"/>, or null when it is the same.</summary>
    /// <param name="twin">The twin as generated now.</param>
    /// <returns>A phrase such as "is missing" or "differs from notebooks/01-threads.ipynb at line 40: ...".</returns>
    public static string? Difference(TwinFile twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        if (!File.Exists(twin.Path))
        {
            return "is missing";
        }

        string[] committed = File.ReadAllText(twin.Path).ReplaceLineEndings("\n").Split('\n');
        string[] generated = twin.Source.Split('\n');
        for (int i = 0; i < Math.Max(committed.Length, generated.Length); i++)
        {
            string? was = i < committed.Length ? committed[i] : null;
            string? now = i < generated.Length ? generated[i] : null;
            if (was != now)
            {
                return $"differs from what {twin.Notebook} generates, first at line {i + 1}: the file has \"{Cut(was)}\", the notebook gives \"{Cut(now)}\"";
            }
        }

        return null;
    }

    private static string Cut(string? line) => line is null ? "(end of file)" : line.Length <= 80 ? line.Trim() : line[..77].Trim() + "...";
}
