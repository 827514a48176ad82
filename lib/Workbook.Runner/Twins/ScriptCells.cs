using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Workbook.Runner.Notebooks;

namespace Workbook.Runner.Twins;

/// <summary>One code cell compiled as the kernel compiles it: a script submission following the previous cells.</summary>
/// <param name="Cell">The notebook cell.</param>
/// <param name="Text">The code analysed: the cell's source with its <c>#load</c>/<c>#r</c> lines blanked out.</param>
/// <param name="Tree">The parsed script.</param>
/// <param name="Model">Its semantic model, which sees the variables, methods and types of earlier cells.</param>
internal sealed record ScriptCell(NotebookCell Cell, string Text, SyntaxTree Tree, SemanticModel Model)
{
    /// <summary>The assembly name given to this submission, which identifies its script class.</summary>
    public string AssemblyName => Model.Compilation.AssemblyName!;
}

/// <summary>
/// Compiles a notebook's code cells as a chain of C# script submissions, the way the .NET Interactive
/// kernel runs them, so the generator can ask what every name in a cell refers to.
/// </summary>
/// <remarks>Stateless; each call builds its own compilations.</remarks>
internal static partial class ScriptCells
{
    /// <summary>The namespaces the C# kernel imports into every cell before any cell runs.</summary>
    public static readonly IReadOnlyList<string> KernelUsings =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    // Stands in for the kernel's display(...) so cells that call it bind; the twin replaces the call.
    private const string Globals = "void display(object? value, params string[] mimeTypes) { }\n";

    [GeneratedRegex("""^[ \t]*#(?<kind>load|r)[ \t]+"(?<arg>[^"]*)"[ \t]*$""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptDirective();

    [GeneratedRegex("""^[ \t]*#!.*$""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MagicCommand();

    [GeneratedRegex("""^\s*nuget:\s*(?<name>[A-Za-z0-9_.\-]+)\s*(,\s*(?<version>\S+))?\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex NugetReference();

    /// <summary>The parse options the kernel uses for a cell.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>
    /// Analyses every C# code cell in order. Cells that only load the workbook (<c>#load "workbook.csx"</c>)
    /// are left out; <c>#r "nuget: Name, Version"</c> lines become <paramref name="packages"/>.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="usings">The namespaces the twin imports besides the kernel's (those workbook.csx defers).</param>
    /// <param name="packages">Receives the NuGet packages the cells reference, as <c>Name@Version</c>.</param>
    /// <returns>The analysed cells.</returns>
    /// <exception cref="TwinException">A cell uses something a file-based app cannot do, or does not compile.</exception>
    public static IReadOnlyList<ScriptCell> Analyse(NotebookDocument notebook, IReadOnlyList<string> usings, ICollection<string> packages)
    {
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            usings: [.. KernelUsings, .. usings],
            nullableContextOptions: NullableContextOptions.Enable);
        CSharpCompilation previous = CSharpCompilation.CreateScriptCompilation(
            "twin-globals", CSharpSyntaxTree.ParseText(Globals, ParseOptions), AnalysisReferences.All, options);

        var cells = new List<ScriptCell>();
        foreach (NotebookCell cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            if (cell.Kernel != "csharp")
            {
                throw Problem(notebook, cell, $"is a \"{cell.Kernel}\" cell; a twin is C# only");
            }

            string text = Blank(notebook, cell, packages);
            if (text.Trim().Length == 0 || IsOnlyComments(text))
            {
                continue;
            }

            SyntaxTree tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"cell {cell.Number}");
            CSharpCompilation compilation = CSharpCompilation.CreateScriptCompilation(
                $"cell{cell.Number}", tree, AnalysisReferences.All, options, previous);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
            if (errors.Count > 0)
            {
                throw Problem(notebook, cell, "does not compile as a C# script: " + string.Join("; ", errors.Select(e => $"line {e.Location.GetLineSpan().StartLinePosition.Line + 1}: {e.Id} {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")));
            }

            cells.Add(new ScriptCell(cell, text, tree, compilation.GetSemanticModel(tree)));
            previous = compilation;
        }

        return cells;
    }

    /// <summary>A generation failure naming the notebook and cell.</summary>
    public static TwinException Problem(NotebookDocument notebook, NotebookCell cell, string what) =>
        new($"{notebook.Path}: cell {cell.Number} {what}.");

    // Removes the kernel directives from the text (keeping line numbers), checking each is one a twin can replace.
    private static string Blank(NotebookDocument notebook, NotebookCell cell, ICollection<string> packages)
    {
        Match magic = MagicCommand().Match(cell.Source);
        if (magic.Success)
        {
            throw Problem(notebook, cell, $"uses the magic command \"{magic.Value.Trim()}\", which only a notebook kernel understands");
        }

        return ScriptDirective().Replace(cell.Source, m =>
        {
            string arg = m.Groups["arg"].Value;
            if (m.Groups["kind"].Value == "load")
            {
                // The setup cell: the twin's preamble does what workbook.csx does.
                return Path.GetFileName(arg) == "workbook.csx"
                    ? ""
                    : throw Problem(notebook, cell, $"loads \"{arg}\"; a twin can only replace the workbook's own workbook.csx");
            }

            Match nuget = NugetReference().Match(arg);
            if (!nuget.Success)
            {
                throw Problem(notebook, cell, $"references \"{arg}\"; a twin can turn only #r \"nuget: Name, Version\" into a #:package directive");
            }

            packages.Add(nuget.Groups["version"].Success ? $"{nuget.Groups["name"].Value}@{nuget.Groups["version"].Value}" : nuget.Groups["name"].Value);
            return "";
        });
    }

    private static bool IsOnlyComments(string text) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions).GetCompilationUnitRoot() is { Members.Count: 0, Usings.Count: 0 };
}
