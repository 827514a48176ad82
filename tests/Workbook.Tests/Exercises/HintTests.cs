using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

public sealed class HintTests : IDisposable
{
    private readonly CheckHarness _harness = new(exercises: TestExercises.All);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Hint_CalledRepeatedly_AdvancesThroughLevelsThenSaysNoMore()
    {
        HintResult[] shown = [.. Enumerable.Range(0, 5).Select(_ => _harness.Runner.Hint("99.1"))];

        Assert.Equal([1, 2, 3, 0, 0], shown.Select(h => h.Level));
        Assert.Contains("first nudge", shown[0].Text, StringComparison.Ordinal);
        Assert.Contains("second, more specific", shown[1].Text, StringComparison.Ordinal);
        Assert.Contains("third, nearly the answer", shown[2].Text, StringComparison.Ordinal);
        Assert.Contains("that was the last hint", shown[2].Text, StringComparison.Ordinal);
        Assert.StartsWith("No more hints for 99.1", shown[3].Text, StringComparison.Ordinal);
        Assert.Contains("notebooks/solutions/99-test/99.1.cs", shown[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hint_Printed_EachCallWritesItsText()
    {
        _harness.Runner.Hint("99.1");
        _harness.Runner.Hint("99.1");

        Assert.Equal(
            ["Hint 1 of 3 for 99.1 (Run once): first nudge (run Exercises.Hint(\"99.1\") again for a more specific hint)",
             "Hint 2 of 3 for 99.1 (Run once): second, more specific (run Exercises.Hint(\"99.1\") again for a more specific hint)"],
            _harness.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Hint_LevelsAreRememberedPerExercise()
    {
        _harness.Runner.Hint("99.1");
        _harness.Runner.Hint("99.1");

        Assert.Equal(1, _harness.Runner.Hint("99.2").Level);
        Assert.Equal(3, _harness.Runner.Hint("99.1").Level);
    }

    [Fact]
    public void Hint_WithLevel_ShowsThatLevelAndLaterCallsContinueAfterIt()
    {
        HintResult second = _harness.Runner.Hint("99.1", 2);

        Assert.Equal(2, second.Level);
        Assert.Contains("second, more specific", second.Text, StringComparison.Ordinal);
        Assert.Equal(3, _harness.Runner.Hint("99.1").Level);
        Assert.Equal(1, _harness.Runner.Hint("99.1", 1).Level);
        Assert.False(_harness.Runner.Hint("99.1").Shown);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Hint_WithLevelOutOfRange_SaysWhichLevelsExist(int level)
    {
        HintResult result = _harness.Runner.Hint("99.1", level);

        Assert.False(result.Shown);
        Assert.Equal($"99.1 has hints 1 to 3; there is no hint {level}.", result.Text);
    }

    [Fact]
    public void Hint_UnknownExercise_SaysSoWithoutThrowing()
    {
        HintResult result = _harness.Runner.Hint("12.3");

        Assert.False(result.Shown);
        Assert.Contains("There is no exercise '12.3'", result.Text, StringComparison.Ordinal);
    }
}
