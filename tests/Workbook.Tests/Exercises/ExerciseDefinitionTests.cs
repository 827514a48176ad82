using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

public sealed class ExerciseDefinitionTests
{
    private static Exercise Define(string id = "03.1", string chapter = "03-async", string title = "A title", string[]? hints = null) =>
        Exercise.Define<IProbe>(id, chapter, title, hints ?? ["hint"], (_, _) => "ok");

    [Fact]
    public void Define_ValidArguments_ExposesPathsAndMarker()
    {
        Exercise exercise = Define();

        Assert.Equal("// Exercise 03.1: A title", exercise.CellMarker);
        Assert.Equal("notebooks/solutions/03-async/03.1.cs", exercise.SolutionPath);
        Assert.Equal(typeof(IProbe), exercise.AnswerType);
        Assert.Equal("03.1 A title", exercise.ToString());
    }

    [Theory]
    [InlineData("3.1")]
    [InlineData("03-1")]
    [InlineData("03.")]
    [InlineData("03.1a")]
    public void Define_MalformedId_Throws(string id) =>
        Assert.Contains("must look like", Assert.Throws<ArgumentException>(() => Define(id: id)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("async")]
    [InlineData("03_async")]
    [InlineData("03-Async")]
    public void Define_MalformedChapter_Throws(string chapter) =>
        Assert.Throws<ArgumentException>(() => Define(chapter: chapter));

    [Fact]
    public void Define_IdFromAnotherChapter_Throws() =>
        Assert.Contains("does not belong", Assert.Throws<ArgumentException>(() => Define(id: "04.1")).Message, StringComparison.Ordinal);

    [Fact]
    public void Define_NoHints_Throws() => Assert.Throws<ArgumentException>(() => Define(hints: []));

    [Fact]
    public void Define_BlankHint_Throws() => Assert.Throws<ArgumentException>(() => Define(hints: ["ok", " "]));

    [Fact]
    public void Define_MultiLineTitle_Throws() => Assert.Throws<ArgumentException>(() => Define(title: "two\nlines"));

    [Theory]
    [InlineData("01.2", "01.10", -1)]
    [InlineData("02.1", "01.9", 1)]
    [InlineData("01.3", "01.3", 0)]
    public void CompareIds_NumericOrder(string left, string right, int sign) =>
        Assert.Equal(sign, Math.Sign(ExerciseText.CompareIds(left, right)));
}
