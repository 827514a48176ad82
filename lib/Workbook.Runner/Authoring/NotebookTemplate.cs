using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace Workbook.Runner.Authoring;

/// <summary>
/// Builds clean C# notebooks with the metadata VS Code's Polyglot Notebooks writes (kernelspec
/// ".net-csharp", polyglot_notebook kernel info, per-cell kernel name), from the plain-text
/// <c>.dib</c> format (<c>#!markdown</c> / <c>#!csharp</c> separators) that is easy to author and review.
/// </summary>
public static class NotebookTemplate
{
    /// <summary>Converts .dib text to notebook JSON with no outputs.</summary>
    /// <exception cref="ArgumentException">The text holds a cell in a language other than C# or Markdown.</exception>
    public static string FromDib(string dib)
    {
        var kernels = new KernelInfoCollection { new KernelInfo("csharp", "C#"), new KernelInfo("markdown", "Markdown"), new KernelInfo("fsharp", "F#"), new KernelInfo("pwsh", "PowerShell") };
        kernels.DefaultKernelName = "csharp";
        var document = CodeSubmission.Parse(dib, kernels);
        var cells = new JsonArray();
        foreach (var element in document.Elements)
        {
            var text = element.Contents.Trim('\n', '\r');
            switch (element.KernelName)
            {
                case "markdown":
                    cells.Add(new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = Notebooks.NotebookDocument.ToSourceArray(text) });
                    break;
                case "csharp":
                    cells.Add(CodeCell(text));
                    break;
                default:
                    throw new ArgumentException($"a \"{element.KernelName}\" cell: the workbook's notebooks hold C# and Markdown cells only.", nameof(dib));
            }
        }
        return Notebook(cells).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>
    /// Converts a notebook to .dib text (outputs dropped), the form authors edit; <see cref="FromDib"/>
    /// turns it back into the same notebook.
    /// </summary>
    public static string ToDib(Notebooks.NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var text = new System.Text.StringBuilder();
        foreach (var cell in notebook.Cells)
        {
            var kernel = cell.Kind switch
            {
                Notebooks.CellKind.Markdown => "markdown",
                Notebooks.CellKind.Code => cell.Kernel,
                _ => throw new ArgumentException($"{notebook.Path}: cell {cell.Number} is a raw cell, which .dib cannot hold.", nameof(notebook)),
            };
            if (text.Length > 0) text.Append("\n\n");
            text.Append("#!").Append(kernel).Append("\n\n").Append(cell.Source);
        }
        return text.Append('\n').ToString();
    }

    /// <summary>A C# code cell with no outputs.</summary>
    public static JsonObject CodeCell(string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            ["vscode"] = new JsonObject { ["languageId"] = "polyglot-notebook" },
        },
        ["outputs"] = new JsonArray(),
        ["source"] = Notebooks.NotebookDocument.ToSourceArray(source),
    };

    /// <summary>A notebook object around <paramref name="cells"/>, with C# as the default kernel.</summary>
    public static JsonObject Notebook(JsonArray cells) => new()
    {
        ["cells"] = cells,
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = "csharp",
                    ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                },
            },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };
}
