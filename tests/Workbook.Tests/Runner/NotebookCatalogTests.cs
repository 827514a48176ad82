using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Runner.Notebooks;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

/// <summary>The committed notebooks as files: clean, openable by VS Code as C#, and following the house layout.</summary>
public class NotebookCatalogTests
{
    /// <summary>The one setup cell every chapter starts its code with.</summary>
    public const string SetupCell = "// Setup: the same first cell in every chapter. It loads the workbook library and chart support.\n#load \"workbook.csx\"";

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Repo.NotebookFiles()) data.Add(Path.GetFileName(path));
        return data;
    }

    private static JsonObject Json(string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Notebooks, name)))!;

    [Fact]
    public void Catalogue_StartsWithChapterZero()
    {
        Assert.Equal("00-start-here.ipynb", Path.GetFileName(Repo.NotebookFiles().First()));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_FileName_IsNumberedKebabCase(string name)
    {
        Assert.Matches(new Regex(@"^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$"), name);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_AsCommitted_HasNoOutputs(string name)
    {
        foreach (var cell in Json(name)["cells"]!.AsArray().OfType<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "code"))
        {
            Assert.Empty(cell["outputs"]!.AsArray());
            Assert.Null(cell["execution_count"]);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_Metadata_OpensAsCSharpInPolyglotNotebooks(string name)
    {
        var json = Json(name);
        var meta = json["metadata"]!;
        Assert.Equal(4, json["nbformat"]!.GetValue<int>());
        Assert.Equal(".net-csharp", meta["kernelspec"]?["name"]?.GetValue<string>());
        Assert.Equal("C#", meta["kernelspec"]?["language"]?.GetValue<string>());
        Assert.Equal("polyglot-notebook", meta["language_info"]?["name"]?.GetValue<string>());
        Assert.Equal("csharp", meta["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>());
        foreach (var cell in json["cells"]!.AsArray().OfType<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "code"))
        {
            Assert.Equal("csharp", cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>());
            Assert.Equal("csharp", cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_Layout_TitleThenSetupThenExercisesRecapAndLinks(string name)
    {
        var doc = NotebookDocument.Load(Path.Combine(Repo.Notebooks, name));
        Assert.Equal(CellKind.Markdown, doc.Cells[0].Kind);
        Assert.StartsWith("# ", doc.Cells[0].Source);
        Assert.Contains("You will learn", doc.Cells[0].Source, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SetupCell, doc.Cells.First(c => c.Kind == CellKind.Code).Source);
        var markdown = string.Join("\n", doc.Cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source));
        Assert.Contains("## Exercises", markdown);
        Assert.Contains("## Recap", markdown);
        Assert.Matches(new Regex(@"\]\([0-9]{2}-[a-z0-9-]+\.ipynb\)"), markdown);
    }

    [Fact]
    public void SetupScript_DeferredNamespaces_AllExistInTheLibrary()
    {
        var script = File.ReadAllText(Path.Combine(Repo.Notebooks, "workbook.csx"));
        var usings = Regex.Matches(script, @"using (Workbook[A-Za-z.]*);").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(usings);
        var namespaces = typeof(Workbook.Notebook).Assembly.GetExportedTypes().Select(t => t.Namespace).ToHashSet();
        Assert.All(usings, u => Assert.Contains(u, namespaces));
    }
}

public class NotebookRoundTripTests
{
    [Theory]
    [MemberData(nameof(NotebookCatalogTests.Notebooks), MemberType = typeof(NotebookCatalogTests))]
    public void ExportThenImport_CommittedNotebook_GivesTheSameFile(string name)
    {
        var path = Path.Combine(Repo.Notebooks, name);
        var dib = Workbook.Runner.Authoring.NotebookTemplate.ToDib(NotebookDocument.Load(path));
        Assert.Equal(File.ReadAllText(path), Workbook.Runner.Authoring.NotebookTemplate.FromDib(dib));
    }
}
