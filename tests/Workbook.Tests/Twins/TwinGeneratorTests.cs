using Workbook.Runner.Authoring;
using Workbook.Runner.Twins;
using Workbook.Tests.Support;

namespace Workbook.Tests.Twins;

/// <summary>The generator on small notebooks, one problem at a time; every generated twin is also compiled by the generator itself.</summary>
public sealed class TwinGeneratorTests : IDisposable
{
    private const string Setup = "#!csharp\n\n// Setup\n#load \"workbook.csx\"\n\n";
    private readonly TempFolder _repo = new();

    public TwinGeneratorTests()
    {
        // A stand-in repository: the marker file, and the real workbook.csx beside the notebooks.
        File.WriteAllText(_repo.File("Workbook.sln"), "");
        Directory.CreateDirectory(_repo.File("notebooks"));
        File.Copy(Path.Combine(Repo.Notebooks, "workbook.csx"), _repo.File("notebooks/workbook.csx"));
    }

    public void Dispose() => _repo.Dispose();

    private TwinFile Generate(string dib, bool solutions = false)
    {
        var notebook = _repo.File("notebooks/42-sample.ipynb");
        File.WriteAllText(notebook, NotebookTemplate.FromDib("#!markdown\n\n# 42 · Sample\n\n" + Setup + dib));
        return TwinGenerator.Generate(notebook, _repo.File("twins"), solutions);
    }

    private static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"\"{from}\" not found in:\n{text}");
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    [Fact]
    public void Generate_Preamble_ReferencesTheLibraryAndStartsTheChapter()
    {
        var twin = Generate("#!csharp\n\nConsole.WriteLine(1);");

        Assert.StartsWith("#:project ../lib/Workbook/Workbook.csproj\n", twin.Source, StringComparison.Ordinal);
        Assert.Contains("using Workbook.Measurement;\n", twin.Source, StringComparison.Ordinal);
        Assert.Contains("using System.Collections;\n", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Twin.Start(\"42-sample\", \"42 · Sample\", args);", twin.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("#load", twin.Source, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("twins", "42-sample.cs"), twin.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_VariableDeclaredAgain_LaterDeclarationAndItsUsesRenamed()
    {
        var twin = Generate("#!csharp\n\nvar costs = 1;\nConsole.WriteLine(costs);\n\n#!csharp\n\nvar costs = \"two\";\nConsole.WriteLine(costs.Length);\n\n#!csharp\n\nConsole.WriteLine(costs + \"!\");");

        Assert.Contains("var costs = 1;\nConsole.WriteLine(costs);", twin.Source, StringComparison.Ordinal);
        Assert.Contains("var costs2 = \"two\";\nConsole.WriteLine(costs2.Length);", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Console.WriteLine(costs2 + \"!\");", twin.Source, StringComparison.Ordinal);
        Assert.Equal(["cell 4: costs → costs2 (declared again)"], twin.Renames);
    }

    [Fact]
    public void Generate_BlockVariableNamedLikeALaterTopLevelOne_RenamedInItsCellOnly()
    {
        var twin = Generate("#!csharp\n\nforeach (int users in new[] { 1, 2 }) Console.WriteLine(users);\n\n#!csharp\n\nint[] users = [3];\nConsole.WriteLine(users.Select(users => users).Sum());");

        Assert.Contains("foreach (int users2 in new[] { 1, 2 }) Console.WriteLine(users2);", twin.Source, StringComparison.Ordinal);
        // A lambda parameter may shadow a top-level variable: left as the notebook wrote it.
        Assert.Contains("int[] users = [3];\nConsole.WriteLine(users.Select(users => users).Sum());", twin.Source, StringComparison.Ordinal);
        Assert.Equal(["cell 3: users → users2 (a top-level variable has its name)"], twin.Renames);
    }

    [Fact]
    public void Generate_MethodDeclaredAgain_CallsFollowTheNewest()
    {
        var twin = Generate("#!csharp\n\nint Twice(int x) => 2 * x;\nConsole.WriteLine(Twice(1));\n\n#!csharp\n\nint Twice(int x) => x + x + 0;\nConsole.WriteLine(Twice(2));");

        Assert.Contains("int Twice2(int x) => x + x + 0;\nConsole.WriteLine(Twice2(2));", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Console.WriteLine(Twice(1));", twin.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TrailingExpressions_ShownChartsCountedVoidCallsTerminated()
    {
        var twin = Generate("#!csharp\n\nPlot.Bar([(\"a\", 1.0)], \"t\", \"x\", \"y\")\n\n#!csharp\n\nnew[] { 1, 2 }\n\n#!csharp\n\nConsole.WriteLine(\"no value\")\n\n#!csharp\n\nvar chart = Plot.Bar([(\"b\", 2.0)], \"u\", \"x\", \"y\");\ndisplay(chart);");

        Assert.Contains("Twin.Show(Plot.Bar([(\"a\", 1.0)], \"t\", \"x\", \"y\"));", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Twin.Show(new[] { 1, 2 });", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Console.WriteLine(\"no value\");", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Twin.Show(chart);", twin.Source, StringComparison.Ordinal);
        Assert.Equal(2, twin.Charts);
    }

    [Fact]
    public void Generate_TypesAndUsingsInCells_TypesHoistedAfterTheProgramUsingsToTheTop()
    {
        var twin = Generate("#!csharp\n\n// About the record\nusing System.Globalization;\n\nrecord Pair(int A, int B);\n\nConsole.WriteLine(new Pair(1, 2).A.ToString(CultureInfo.InvariantCulture));");

        var done = twin.Source.IndexOf("Twin.Done();", StringComparison.Ordinal);
        Assert.InRange(twin.Source.IndexOf("// About the record\nrecord Pair(int A, int B);", StringComparison.Ordinal), done, int.MaxValue);
        Assert.InRange(twin.Source.IndexOf("using System.Globalization;\n", StringComparison.Ordinal), 0, twin.Source.IndexOf("Twin.Start", StringComparison.Ordinal));
        Assert.InRange(twin.Source.IndexOf("Console.WriteLine(new Pair(1, 2)", StringComparison.Ordinal), 0, done);
    }

    [Fact]
    public void Generate_Markdown_SectionsPrintedProseKeptAsComments()
    {
        var twin = Generate("#!markdown\n\n## Races\n\nText with `code`.\n\n```bash\n# not a heading\n```\n\n### Fixes\n\n#!csharp\n\nConsole.WriteLine(1);");

        Assert.Contains("Twin.Section(\"Races\");\n// ## Races\n//\n// Text with `code`.\n", twin.Source, StringComparison.Ordinal);
        Assert.Contains("// # not a heading\n", twin.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("Twin.Section(\"not a heading\"", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Twin.Section(\"Fixes\", level: 3);", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Twin.Cell(", twin.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ExerciseCells_ChecksRunAloneWithCheckAndStubMovesToTheEnd()
    {
        var twin = Generate("#!markdown\n\n### Exercise 00.1: A correct median\n\nWrite it.\n\n#!csharp\n\n// Exercise 00.1: A correct median\n// TODO: do it\nusing Workbook.StartHere;\n\npublic sealed class MyMedian : IMedian\n{\n    public double Of(IReadOnlyList<double> values) => throw new NotImplementedException();\n}\n\n#!csharp\n\nExercises.Check(\"00.1\", () => new MyMedian());\n\n#!csharp\n\nExercises.Hint(\"00.1\");");

        var checksOnly = Between(twin.Source, "if (Twin.ChecksOnly)", "return;");
        Assert.Contains("Twin.Check(\"00.1\", () => new MyMedian());", checksOnly, StringComparison.Ordinal);
        Assert.Contains("Twin.Hint(\"00.1\");", twin.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("Exercises.Check", twin.Source.Replace("// ", "", StringComparison.Ordinal).Split("Twin.Done();")[0].Split("if (Twin.ChecksOnly)")[1], StringComparison.Ordinal);
        var stub = Between(twin.Source, "// ═══ Exercise 00.1", "}");
        Assert.Contains("// Write it.", stub, StringComparison.Ordinal);
        Assert.Contains("// Check it: dotnet run twins/42-sample.cs -- --check 00.1", stub, StringComparison.Ordinal);
        Assert.Contains("// Exercise 00.1: A correct median\n// TODO: do it\npublic sealed class MyMedian : IMedian", stub, StringComparison.Ordinal);
        Assert.Equal(["00.1"], twin.Exercises);
    }

    [Fact]
    public void Generate_CheckWithExplicitTypeArgument_KeepsIt()
    {
        // A lambda that returns a lambda cannot be inferred: without <...> the twin would not compile (CS0411).
        var twin = Generate("#!csharp\n\n// Exercise 00.1: A correct median\npublic sealed class MyMedian : Workbook.StartHere.IMedian { public double Of(IReadOnlyList<double> v) => throw new NotImplementedException(); }\n\n#!csharp\n\nExercises.Check<Func<int, Workbook.StartHere.IMedian>>(\"00.1\", () => n => new MyMedian());");

        var checksOnly = Between(twin.Source, "if (Twin.ChecksOnly)", "return;");
        Assert.Contains("Twin.Check<Func<int, Workbook.StartHere.IMedian>>(\"00.1\", () => n => new MyMedian());", checksOnly, StringComparison.Ordinal);
        Assert.Equal(2, twin.Source.Split("Twin.Check<Func<int, Workbook.StartHere.IMedian>>(").Length - 1);
    }

    [Fact]
    public void Generate_CheckThatUsesAnEarlierVariable_OnlyInTheFullRun()
    {
        var twin = Generate("#!csharp\n\nvar backends = 4;\n\n#!csharp\n\n// Exercise 00.1: A correct median\npublic sealed class MyMedian : Workbook.StartHere.IMedian { public double Of(IReadOnlyList<double> v) => throw new NotImplementedException(); }\n\n#!csharp\n\nExercises.Check(\"00.1\", () => backends > 0 ? new MyMedian() : null);");

        Assert.DoesNotContain("if (Twin.ChecksOnly)", twin.Source, StringComparison.Ordinal);
        Assert.Contains("Twin.Check(\"00.1\", () => backends > 0 ? new MyMedian() : null);", twin.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Solutions_ReferenceSolutionReplacesTheStub()
    {
        Directory.CreateDirectory(_repo.File("notebooks/solutions/42-sample"));
        File.WriteAllText(_repo.File("notebooks/solutions/42-sample/00.1.cs"), "// Exercise 00.1: A correct median\nusing Workbook.StartHere;\n\npublic sealed class MyMedian : IMedian\n{\n    public double Of(IReadOnlyList<double> values) => 42;\n}\n");

        var twin = Generate("#!csharp\n\n// Exercise 00.1: A correct median\npublic sealed class MyMedian : Workbook.StartHere.IMedian { public double Of(IReadOnlyList<double> v) => throw new NotImplementedException(); }", solutions: true);

        Assert.Contains("public double Of(IReadOnlyList<double> values) => 42;", twin.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("NotImplementedException", twin.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NugetReference_BecomesAPackageDirective()
    {
        var twin = Generate("#!csharp\n\n#r \"nuget: Humanizer.Core, 2.14.1\"\nConsole.WriteLine(1);");

        Assert.Contains("#:package Humanizer.Core@2.14.1\n#:property ManagePackageVersionsCentrally=false\n", twin.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("#r ", twin.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!csharp\n\n#!time\nConsole.WriteLine(1);", "cell 3 uses the magic command \"#!time\"")]
    [InlineData("#!csharp\n\n#load \"other.csx\"", "cell 3 loads \"other.csx\"")]
    [InlineData("#!csharp\n\n#r \"/tmp/some.dll\"", "cell 3 references \"/tmp/some.dll\"")]
    [InlineData("#!csharp\n\nint x = \"text\";", "cell 3 does not compile as a C# script: line 1: CS0029")]
    [InlineData("#!csharp\n\nint Size { get; set; }", "cell 3 declares a PropertyDeclaration")]
    [InlineData("#!csharp\n\ndisplay(1, \"text/html\");", "calls display(...) with MIME types")]
    public void Generate_WhatATwinCannotDo_FailsNamingTheCell(string dib, string message)
    {
        var error = Assert.Throws<TwinException>(() => Generate(dib));

        Assert.Contains("42-sample.ipynb", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_CommentOnlyCell_KeptSetupCellDropped()
    {
        var twin = Generate("#!csharp\n\n// Only a remark here.");

        Assert.Contains("// Only a remark here.\n", twin.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("// Setup", twin.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void TwinCompilation_BrokenSource_ReportsLineAndError()
    {
        var errors = TwinCompilation.Errors("#:project x\nusing System;\nConsole.WriteLine(undefinedName);\n");

        Assert.Equal(["line 3: CS0103 The name 'undefinedName' does not exist in the current context"], errors);
    }
}
