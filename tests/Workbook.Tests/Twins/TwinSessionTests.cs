using Microsoft.Extensions.Time.Testing;
using Workbook.Charts;
using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Support;
using Workbook.Twins;

namespace Workbook.Tests.Twins;

public sealed class TwinSessionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new();
    private readonly StringWriter _output = new();

    public void Dispose() => _temp.Dispose();

    private TwinSession Session(params string[] args)
    {
        var settings = new TwinSettings("99-test", "99 · Test", _temp.Path, "twins/99-test.cs",
            Path.Combine(_temp.Path, "out", "99-test"), Path.Combine(_temp.Path, "out"), TwinArguments.Parse(args));
        var runner = new ExerciseRunner(new ExerciseRunnerOptions { Exercises = TestExercises.All, Output = _output, Timeout = TimeSpan.FromSeconds(20) });
        return new TwinSession(settings, _output, runner, _time);
    }

    private string Printed => _output.ToString();

    private static DelegateProbe Works() => new(() => { });

    private static DelegateProbe Unwritten() => new(() => throw new NotImplementedException());

    [Fact]
    public void Section_AfterTime_PrintsTitleAndElapsedSeconds()
    {
        using var session = Session();
        _time.Advance(TimeSpan.FromSeconds(12.34));

        session.Section("Races");
        session.Section("Fixes", level: 3);

        Assert.Contains("== 99 · Test: Races ==  [12.3 s]", Printed, StringComparison.Ordinal);
        Assert.Contains("-- Fixes --  [12.3 s]", Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Charts_WritesNumberedPagesAndNamesThem()
    {
        using var session = Session();
        session.Begin();

        session.Show(Plot.Bar([("a", 1.0)], "First", "x", "y"));
        session.Show(Plot.Bar([("b", 2.0)], "Second", "x", "y"));

        var folder = Path.Combine(_temp.Path, "out", "99-test");
        Assert.Equal(["chart-01.html", "chart-02.html"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal([Path.Combine(folder, "chart-01.html"), Path.Combine(folder, "chart-02.html")], session.Charts);
        Assert.Contains("[chart 2] Second → out/99-test/chart-02.html", Printed, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "out", PlotlyScript.FileName)));
    }

    [Fact]
    public void Begin_OldChartPages_AreRemoved()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "out", "99-test")).FullName;
        File.WriteAllText(Path.Combine(folder, "chart-09.html"), "stale");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        using var session = Session();

        session.Begin();

        Assert.Equal(["notes.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Show_Value_PrintsItsText()
    {
        using var session = Session();

        session.Show(new[] { 1, 2 });

        Assert.Contains("value\n-----\n1\n2", Printed.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StubNotWritten_SaysWhereToWriteAndHowToCheck()
    {
        using var session = Session();

        var result = session.Check("99.1", Unwritten);

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
        Assert.Contains("Your turn: write class DelegateProbe near the end of twins/99-test.cs, then run: dotnet run twins/99-test.cs -- --check 99.1", Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Failed_PrintsTheRequestedHintAndTheNextStep()
    {
        using var session = Session("--check", "--hint", "1");

        var result = session.Check("99.3", Works);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("Hint 1 of 1 for 99.3", Printed, StringComparison.Ordinal);
        Assert.Contains("then run: dotnet run twins/99-test.cs -- --check 99.3", Printed, StringComparison.Ordinal);
        Assert.DoesNotContain("--hint 2", Printed, StringComparison.Ordinal);
        Assert.Equal(1, session.Done());
    }

    [Fact]
    public void Check_FailedWithMoreHints_OffersTheNextOne()
    {
        using var session = Session();
        var failing = new DelegateProbe(() => throw new InvalidOperationException("boom"));

        session.Check("99.1", () => failing);

        Assert.Contains("Hint 1 of 3 for 99.1", Printed, StringComparison.Ordinal);
        Assert.Contains("(a more specific hint: dotnet run twins/99-test.cs -- --check 99.1 --hint 2)", Printed, StringComparison.Ordinal);
        Assert.Equal(0, session.Done());   // a full run reports failures but does not fail
    }

    [Fact]
    public void Check_NotSelected_DoesNotRunTheAnswer()
    {
        using var session = Session("--check", "99.1");
        var ran = false;

        var result = session.Check("99.2", () => new DelegateProbe(() => ran = true));
        session.Check("99.1", Works);

        Assert.False(ran);
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
        Assert.Equal(["99.1"], session.Checks.Keys);
        Assert.Equal(0, session.Done());
    }

    [Fact]
    public void Done_SelectedIdNotInChapter_SaysSoAndFails()
    {
        using var session = Session("--check", "99.7");
        session.Check("99.1", Works);

        Assert.Equal(1, session.Done());
        Assert.Contains("There is no exercise 99.7 in this chapter; its exercises are 99.1, 99.2, 99.3.", Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Hint_AfterThisRunsCheck_PrintsNothingMore()
    {
        using var session = Session();
        session.Check("99.1", Works);
        var before = Printed;

        session.Hint("99.1");

        Assert.Equal(before, Printed);
    }

    [Fact]
    public void Hint_WithoutACheck_PrintsTheHint()
    {
        using var session = Session();

        session.Hint("99.1");

        Assert.Contains("Hint 1 of 3 for 99.1", Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_DuringACell_NamesTheCellAndTheClaim()
    {
        using var session = Session();
        session.Cell(31);

        session.Failed(new ClaimFailedException("Claim failed: all 10 arrived."));

        Assert.Contains("The twin stopped in notebook cell 31: Claim failed: all 10 arrived.", Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_ZeroNumber_Throws()
    {
        using var session = Session();

        Assert.Throws<ArgumentOutOfRangeException>(() => session.Cell(0));
    }
}
