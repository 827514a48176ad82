using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Workbook.Runner.Execution;
using Workbook.Runner.Notebooks;

namespace Workbook.Runner.Twins;

/// <summary>A generated twin: the file-based app's source and what it is expected to do.</summary>
/// <param name="Notebook">The notebook it was generated from.</param>
/// <param name="Path">Where the twin belongs, e.g. <c>twins/01-threads.cs</c>.</param>
/// <param name="Source">The complete C# file.</param>
/// <param name="Charts">How many chart pages a run writes (chart-01.html ... in its chart folder).</param>
/// <param name="Exercises">The exercise ids its checks cover, in order.</param>
/// <param name="Renames">Names changed from the notebook, e.g. <c>cell 57: costs → costs2 (declared again)</c>.</param>
public sealed record TwinFile(string Notebook, string Path, string Source, int Charts, IReadOnlyList<string> Exercises, IReadOnlyList<string> Renames)
{
    /// <summary>The chapter name, e.g. <c>01-threads</c>.</summary>
    public string Chapter => System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>
/// Generates a chapter's twin: a .NET 10 C# file-based app (<c>dotnet run twins/01-threads.cs</c>) that
/// runs the notebook's code cells in order as one program, prints what the notebook shows, writes its
/// charts as HTML pages, and keeps the exercise stubs (at the end of the file) for the learner to edit.
/// </summary>
/// <remarks>
/// The notebook stays the one source of truth: the twin is derived from it and a test fails when a
/// committed twin differs from what this generator makes. Each cell is analysed with Roslyn as the
/// kernel runs it (a script submission that sees the earlier cells), which tells the generator what
/// every name refers to. Stateless; safe to call from several threads.
/// </remarks>
public static partial class TwinGenerator
{
    /// <summary>The folder twins are written to by default, relative to the repository root.</summary>
    public const string DefaultFolder = "twins";

    [GeneratedRegex("""using\s+(?<ns>[A-Za-z_][A-Za-z0-9_.]*)\s*;""", RegexOptions.CultureInvariant)]
    private static partial Regex DeferredUsing();

    /// <summary>Generates the twin of <paramref name="notebookPath"/> for the folder <paramref name="twinFolder"/>.</summary>
    /// <param name="notebookPath">The notebook (its folder must hold workbook.csx, inside the workbook repository).</param>
    /// <param name="twinFolder">The folder the twin will be written to (relative paths inside the twin depend on it).</param>
    /// <param name="solutions">Put each exercise's reference solution (<c>solutions/NN-name/ID.cs</c>) in place of its stub, as <c>run --solutions</c> does.</param>
    /// <returns>The twin.</returns>
    /// <exception cref="NotebookException">The notebook cannot be read.</exception>
    /// <exception cref="TwinException">The notebook uses something a file-based app cannot reproduce; the message says what and where.</exception>
    public static TwinFile Generate(string notebookPath, string twinFolder, bool solutions = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(twinFolder);
        NotebookDocument notebook = NotebookDocument.Load(notebookPath);
        if (solutions)
        {
            foreach (NotebookCell stub in notebook.Cells.Where(c => SolutionSource.ExerciseId(c.Source) is not null))
            {
                notebook.SetSource(stub, SolutionSource.Read(notebookPath, SolutionSource.ExerciseId(stub.Source)!));
            }

            notebook = NotebookDocument.Parse(notebookPath, notebook.ToJson());
        }

        string notebookFolder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(notebookPath))!;
        string folder = System.IO.Path.GetFullPath(twinFolder);
        string root = RunnerHost.RepositoryRoot(notebookFolder)
            ?? throw new TwinException($"{notebookPath}: not inside the workbook repository (no Workbook.sln above it), so the twin cannot reference the library.");
        string library = System.IO.Path.Combine(root, "lib", "Workbook", "Workbook.csproj");
        string chapter = System.IO.Path.GetFileNameWithoutExtension(notebookPath);

        IReadOnlyList<string> deferred = DeferredUsings(notebookFolder);
        var packages = new List<string>();
        IReadOnlyList<ScriptCell> cells = ScriptCells.Analyse(notebook, [.. deferred, "Workbook.Twins"], packages);
        TwinNames names = TwinNames.Plan(cells);
        var parts = new Dictionary<int, CellParts>();
        foreach (ScriptCell cell in cells)
        {
            try
            {
                parts[cell.Cell.Index] = CellRewriter.Rewrite(cell, names);
            }
            catch (TwinException e)
            {
                throw new TwinException($"{notebookPath}: {e.Message}");
            }
        }

        var exercises = notebook.Cells.Select(c => SolutionSource.ExerciseId(c.Source)).OfType<string>().ToList();
        var code = new StringBuilder();
        Header(code, notebook, chapter, Relative(folder, library), Relative(root, notebookPath), packages, names.Changes, exercises);
        Usings(code, [.. ScriptCells.KernelUsings, .. deferred, "Workbook.Twins", .. parts.Values.SelectMany(p => p.Usings)]);

        string notebooks = Relative(folder, notebookFolder);
        code.Append("Twin.Start(").Append(Literal(chapter)).Append(", ").Append(Literal(notebook.Title)).Append(", args")
            .Append(notebooks == "../notebooks" ? "" : ", " + Literal(notebooks)).Append(");\n\n");
        ChecksOnly(code, chapter, parts.Values.SelectMany(p => p.Checks).ToList());
        Flow(code, notebook, parts);
        code.Append("Twin.Done();\n");
        Types(code, notebook, parts);

        string source = code.ToString();
        IReadOnlyList<string> errors = TwinCompilation.Errors(source);
        if (errors.Count > 0)
        {
            throw new TwinException($"{notebookPath}: the generated twin does not compile ({string.Join("; ", errors)}). "
                + "The notebook does something the twin generator (lib/Workbook.Runner/Twins) does not handle yet.");
        }

        return new TwinFile(notebookPath, System.IO.Path.Combine(twinFolder, chapter + ".cs"), source,
            parts.Values.Sum(p => p.Charts), exercises, names.Changes);
    }

    /// <summary>The namespaces workbook.csx imports for the cells after the setup cell (read from the file itself).</summary>
    /// <exception cref="TwinException">workbook.csx is missing beside the notebook.</exception>
    internal static IReadOnlyList<string> DeferredUsings(string notebookFolder)
    {
        string csx = System.IO.Path.Combine(notebookFolder, "workbook.csx");
        if (!File.Exists(csx))
        {
            throw new TwinException($"{csx} is missing: the twin's preamble imports the namespaces it defers to the notebooks.");
        }

        return [.. DeferredUsing().Matches(File.ReadAllText(csx)).Select(m => m.Groups["ns"].Value).Distinct()];
    }

    private static void Header(StringBuilder code, NotebookDocument notebook, string chapter, string library, string notebookPath, List<string> packages, IReadOnlyList<string> renames, List<string> exercises)
    {
        code.Append("#:project ").Append(library).Append('\n');
        // The workbook's shared build settings (warnings as errors, doc comments) are for the library, not for a learner's file.
        code.Append("#:property PublishAot=false\n#:property ImplicitUsings=disable\n");
        foreach (string package in packages.Distinct())
        {
            code.Append("#:package ").Append(package).Append('\n');
        }

        if (packages.Any(p => p.Contains('@', StringComparison.Ordinal)))
        {
            code.Append("#:property ManagePackageVersionsCentrally=false\n");
        }

        string run = $"dotnet run {DefaultFolder}/{chapter}.cs";
        code.Append('\n').Append(MarkdownText.Comments($"""
            {notebook.Title}, as a C# file-based app: the twin of {notebookPath}.
            Generated from the notebook by `dotnet run --project lib/Workbook.Runner -- twins {notebookPath}`;
            regenerate it rather than editing it, except the exercise classes at the end of the file.

            Run it from the repository root (with the .NET 10 SDK; the library is built on the way):
                {run}    every demonstration; charts go to out/twins/{chapter}/
            """));
        if (exercises.Count > 0)
        {
            code.Append(MarkdownText.Comments($"""
                    {run} -- --check                only the exercise checks, after you edit a class at the end
                    {run} -- --check {exercises[0]} --hint 2   one exercise; a failed check prints hint 2
                """));
        }

        if (renames.Count > 0)
        {
            code.Append("//\n").Append(MarkdownText.Comments(
                "Names changed from the notebook (a program's top-level code is one scope, a notebook's cells are not):\n"
                + string.Join('\n', renames.Select(r => "    " + r))));
        }

        code.Append('\n');
    }

    private static void Usings(StringBuilder code, IEnumerable<string> usings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string u in usings)
        {
            string line = u.StartsWith("using ", StringComparison.Ordinal) ? u : $"using {u};";
            // Compare the directive itself, not a trailing comment.
            string key = line.Split(';')[0].Trim();
            if (seen.Add(key))
            {
                code.Append(line).Append('\n');
            }
        }

        code.Append('\n');
    }

    private static void ChecksOnly(StringBuilder code, string chapter, List<string> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }

        code.Append("// With --check, only the exercise checks run (the classes they check are at the end of this file).\n");
        code.Append("if (Twin.ChecksOnly)\n{\n");
        foreach (string check in checks)
        {
            code.Append("    ").Append(check.Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
        }

        code.Append("    Twin.Done();\n    return;\n}\n\n");
    }

    private static void Flow(StringBuilder code, NotebookDocument notebook, Dictionary<int, CellParts> parts)
    {
        foreach (NotebookCell cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                code.Append(MarkdownText.Code(cell.Source)).Append('\n');
            }
            else if (parts.TryGetValue(cell.Index, out CellParts? part) && part.Statements.Length > 0)
            {
                code.Append("Twin.Cell(").Append(cell.Number).Append(");\n").Append(part.Statements).Append('\n');
            }
            else if (cell.Kind == CellKind.Code && !parts.ContainsKey(cell.Index) && !IsSetup(cell) && cell.Source.Trim().Length > 0)
            {
                // A cell of comments only: keep them where they were.
                code.Append(cell.Source.TrimEnd()).Append("\n\n");
            }
        }
    }

    private static void Types(StringBuilder code, NotebookDocument notebook, Dictionary<int, CellParts> parts)
    {
        bool first = true;
        foreach (NotebookCell cell in notebook.Cells)
        {
            if (!parts.TryGetValue(cell.Index, out CellParts? part) || part.Types.Count == 0)
            {
                continue;
            }

            if (first)
            {
                code.Append('\n').Append(MarkdownText.Comments("""
                    ─────────────────────────────────────────────────────────────────────────────────────────
                    The types the notebook's cells declare. A C# file puts them after all its top-level code,
                    so they are gathered here, in notebook order; the exercise classes you edit are among them.
                    """));
                first = false;
            }

            code.Append('\n');
            if (SolutionSource.ExerciseId(cell.Source) is { } id)
            {
                code.Append(MarkdownText.Comments($"═══ Exercise {id} (notebook cell {cell.Number}) ═══"));
                NotebookCell? task = cell.Index > 0 ? notebook.Cells[cell.Index - 1] : null;
                if (task is { Kind: CellKind.Markdown })
                {
                    code.Append(MarkdownText.Comments(task.Source)).Append("//\n");
                }

                code.Append(MarkdownText.Comments($"Check it: dotnet run {DefaultFolder}/{System.IO.Path.GetFileNameWithoutExtension(notebook.Path)}.cs -- --check {id}")).Append("//\n");
            }

            code.Append(string.Join('\n', part.Types));
        }
    }

    private static bool IsSetup(NotebookCell cell) => cell.Source.Contains("#load \"workbook.csx\"", StringComparison.Ordinal);

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Relative(string from, string to) => System.IO.Path.GetRelativePath(from, System.IO.Path.GetFullPath(to)).Replace('\\', '/');
}
