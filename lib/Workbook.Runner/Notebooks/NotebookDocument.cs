using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.Runner.Notebooks;

/// <summary>
/// A Jupyter notebook (.ipynb, nbformat 4) as written by VS Code's Polyglot Notebooks: reads it with
/// clear errors, exposes its cells, takes outputs, and writes it back with every other field intact.
/// </summary>
public sealed class NotebookDocument
{
    private readonly JsonObject _root;

    private NotebookDocument(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        _root = root;
        Cells = cells;
    }

    /// <summary>The file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The notebook's default kernel name from its Polyglot metadata ("csharp" when absent).</summary>
    public string DefaultKernel =>
        _root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";

    /// <summary>The text of the first Markdown heading, or the file name when there is none.</summary>
    public string Title
    {
        get
        {
            foreach (var cell in Cells.Where(c => c.Kind == CellKind.Markdown))
            {
                var heading = cell.Source.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
                if (heading is not null) return heading[2..].Trim();
            }
            return System.IO.Path.GetFileNameWithoutExtension(Path);
        }
    }

    /// <summary>Reads a notebook file.</summary>
    /// <exception cref="NotebookException">The file is missing, not JSON, or not a notebook.</exception>
    public static NotebookDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new NotebookException($"{path}: no such notebook file.");
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { throw new NotebookException($"{path}: cannot be read ({e.Message}).", e); }
        return Parse(path, text);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> only names it in messages.</summary>
    /// <exception cref="NotebookException">The text is not JSON or not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string path, string json)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e)
        {
            throw new NotebookException($"{path}: not a valid notebook, the JSON is malformed at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1} ({FirstSentence(e.Message)}).", e);
        }
        if (node is not JsonObject root) throw new NotebookException($"{path}: not a notebook, the top level is not a JSON object.");
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var major) || major != 4)
            throw new NotebookException($"{path}: not an nbformat 4 notebook (the \"nbformat\" field is missing or not 4).");
        if (root["cells"] is not JsonArray cellArray) throw new NotebookException($"{path}: not a notebook, there is no \"cells\" array.");

        var defaultKernel = root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";
        var cells = new List<NotebookCell>();
        for (var i = 0; i < cellArray.Count; i++)
        {
            if (cellArray[i] is not JsonObject cell) throw new NotebookException($"{path}: cell {i + 1} is not a JSON object.");
            var type = cell["cell_type"]?.GetValue<string>();
            var kind = type switch
            {
                "markdown" => CellKind.Markdown,
                "code" => CellKind.Code,
                "raw" => CellKind.Raw,
                _ => throw new NotebookException($"{path}: cell {i + 1} has an unknown cell_type \"{type}\"."),
            };
            var source = ReadSource(cell["source"], path, i);
            var kernel = kind == CellKind.Code ? CellKernel(cell, defaultKernel) : kind.ToString().ToLowerInvariant();
            cells.Add(new NotebookCell(i, kind, kernel, source, cell));
        }
        return new NotebookDocument(path, root, cells);
    }

    /// <summary>Replaces a code cell's outputs and execution count.</summary>
    public void SetOutputs(NotebookCell cell, IEnumerable<JsonObject> outputs, int? executionCount)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var array = new JsonArray();
        foreach (var output in outputs) array.Add(output);
        cell.Json["outputs"] = array;
        cell.Json["execution_count"] = executionCount;
    }

    /// <summary>Replaces a cell's source text (used by solutions mode).</summary>
    public void SetSource(NotebookCell cell, string source)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.Json["source"] = ToSourceArray(source);
    }

    /// <summary>Removes every output and execution count, as notebooks are committed.</summary>
    public void ClearOutputs()
    {
        foreach (var cell in Cells.Where(c => c.Kind == CellKind.Code)) SetOutputs(cell, [], null);
    }

    /// <summary>Serialises the notebook as VS Code writes it (one-space indentation).</summary>
    public string ToJson()
    {
        var text = _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text + "\n";
    }

    /// <summary>Writes the notebook to a file, creating its folder.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson(), new UTF8Encoding(false));
    }

    /// <summary>Splits text into the list-of-lines form nbformat uses (each line keeps its '\n').</summary>
    public static JsonArray ToSourceArray(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text[start..] : text[start..(end + 1)];
            array.Add(line);
            start += line.Length;
        }
        return array;
    }

    private static string ReadSource(JsonNode? node, string path, int index) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Concat(a.Select(l => l?.GetValue<string>() ?? "")),
        _ => throw new NotebookException($"{path}: cell {index + 1} has a \"source\" that is neither text nor a list of lines."),
    };

    private static string CellKernel(JsonObject cell, string defaultKernel)
    {
        var meta = cell["metadata"];
        return meta?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
            ?? meta?["dotnet_interactive"]?["language"]?.GetValue<string>()
            ?? defaultKernel;
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }
}
