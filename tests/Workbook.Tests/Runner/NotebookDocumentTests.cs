using Workbook.Runner.Authoring;
using Workbook.Runner.Notebooks;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

public class NotebookDocumentTests
{
    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var e = Assert.Throws<NotebookException>(() => NotebookDocument.Load("/nowhere/missing.ipynb"));
        Assert.Contains("/nowhere/missing.ipynb", e.Message);
        Assert.Contains("no such notebook file", e.Message);
    }

    [Fact]
    public void Parse_MalformedJson_SaysWhereItBroke()
    {
        var e = Assert.Throws<NotebookException>(() => NotebookDocument.Parse("bad.ipynb", "{\n \"cells\": [\n  {,\n ]\n}"));
        Assert.Contains("bad.ipynb", e.Message);
        Assert.Contains("malformed at line 3", e.Message);
    }

    [Theory]
    [InlineData("[]", "top level is not a JSON object")]
    [InlineData("{\"cells\": []}", "nbformat")]
    [InlineData("{\"nbformat\": 4}", "no \"cells\" array")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"widget\"}]}", "cell 1 has an unknown cell_type \"widget\"")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 7}]}", "cell 1 has a \"source\"")]
    public void Parse_NotANotebook_ExplainsWhy(string json, string expected)
    {
        var e = Assert.Throws<NotebookException>(() => NotebookDocument.Parse("x.ipynb", json));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void FromDib_MarkdownAndCode_GivesCleanPolyglotNotebook()
    {
        var json = NotebookTemplate.FromDib("#!markdown\n\n# Title\n\ntext\n\n#!csharp\n\nvar x = 1;\nx\n");
        var doc = NotebookDocument.Parse("t.ipynb", json);

        Assert.Equal([CellKind.Markdown, CellKind.Code], doc.Cells.Select(c => c.Kind));
        Assert.Equal("var x = 1;\nx", doc.Cells[1].Source);
        Assert.Equal("csharp", doc.Cells[1].Kernel);
        Assert.Equal("Title", doc.Title);
        Assert.Equal("csharp", doc.DefaultKernel);
    }

    [Fact]
    public void FromDib_FSharpCell_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => NotebookTemplate.FromDib("#!csharp\n\n1\n\n#!fsharp\n\n2\n"));
        Assert.Contains("fsharp", e.Message);
    }

    [Fact]
    public void SaveAndLoad_OutputsAndMetadata_RoundTrip()
    {
        using var temp = new TempFolder();
        var doc = NotebookDocument.Parse("t.ipynb", NotebookTemplate.FromDib("#!csharp\n\nConsole.WriteLine(1);\n"));
        doc.SetOutputs(doc.Cells[0], [new System.Text.Json.Nodes.JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "1\n" }], 1);
        doc.Save(temp.File("t.ipynb"));

        var back = NotebookDocument.Load(temp.File("t.ipynb"));
        Assert.Contains("\"execution_count\": 1", back.ToJson());
        Assert.Contains("polyglot-notebook", back.ToJson());
        back.ClearOutputs();
        Assert.Contains("\"outputs\": []", back.ToJson());
        Assert.DoesNotContain("\"execution_count\": 1", back.ToJson());
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\nb\n", new[] { "a\n", "b\n" })]
    [InlineData("a\n\nb", new[] { "a\n", "\n", "b" })]
    public void ToSourceArray_Text_KeepsNewlinesPerLine(string text, string[] expected)
    {
        Assert.Equal(expected, NotebookDocument.ToSourceArray(text).Select(n => n!.GetValue<string>()));
    }
}
