using Microsoft.Extensions.Time.Testing;
using Workbook.Twins;

namespace Workbook.Tests.Twins;

public class ProgressWatchTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly StringWriter _output = new();

    private string[] Lines => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Advance(double seconds)
    {
        // One second at a time, as the timer would really fire.
        for (var i = 0; i < seconds; i++) _time.Advance(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Enter_StepRunsLong_NotesEveryQuietPeriod()
    {
        using var watch = new ProgressWatch(_output, _time);
        watch.Enter("cell 31");

        Advance(4);
        Assert.Empty(Lines);
        Advance(8);

        Assert.Equal(["… cell 31 still running (5 s)", "… cell 31 still running (10 s)"], Lines);
    }

    [Fact]
    public void Enter_NextStep_RestartsTheCount()
    {
        using var watch = new ProgressWatch(_output, _time);
        watch.Enter("cell 3");
        Advance(4);
        watch.Enter("cell 4");
        Advance(4);

        Assert.Empty(Lines);
        Advance(1);
        Assert.Equal(["… cell 4 still running (5 s)"], Lines);
    }

    [Fact]
    public void Dispose_WhileStepRuns_PrintsNothingMore()
    {
        var watch = new ProgressWatch(_output, _time);
        watch.Enter("cell 9");
        watch.Dispose();
        Advance(30);

        Assert.Empty(Lines);
    }

    [Fact]
    public void Constructor_NonPositiveQuiet_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressWatch(_output, _time, TimeSpan.Zero));
}
