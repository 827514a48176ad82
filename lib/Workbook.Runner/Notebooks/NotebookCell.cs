using System.Text.Json.Nodes;

namespace Workbook.Runner.Notebooks;

/// <summary>The kinds of cell the runner knows.</summary>
public enum CellKind
{
    /// <summary>Prose in Markdown.</summary>
    Markdown,
    /// <summary>C# code, executed by the kernel.</summary>
    Code,
    /// <summary>Raw text, passed through untouched.</summary>
    Raw,
}

/// <summary>One cell of a notebook, backed by its JSON so that unknown metadata survives a round trip.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(int index, CellKind kind, string kernel, string source, JsonObject json)
    {
        Index = index;
        Kind = kind;
        Kernel = kernel;
        Source = source;
        Json = json;
    }

    /// <summary>Zero-based position in the notebook.</summary>
    public int Index { get; }

    /// <summary>Markdown, code or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The kernel that runs the cell ("csharp" for code cells; "markdown" for prose).</summary>
    public string Kernel { get; }

    /// <summary>The cell's text, lines joined with '\n'.</summary>
    public string Source { get; }

    /// <summary>The 1-based number a person would use ("cell 3").</summary>
    public int Number => Index + 1;

    internal JsonObject Json { get; }

    /// <summary>The first line of the source, for messages and tables.</summary>
    public string FirstLine => Source.Split('\n', 2)[0].Trim();
}
