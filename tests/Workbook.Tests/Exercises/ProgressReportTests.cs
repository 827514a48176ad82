using System.Globalization;
using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

public sealed class ProgressReportTests
{
    private static readonly DateTimeOffset s_when = new(2025, 2, 3, 4, 5, 0, TimeSpan.Zero);

    private static Exercise Make(string id, string chapter, string title) =>
        Exercise.Define<IProbe>(id, chapter, title, ["hint"], (_, _) => "ok");

    private static readonly Exercise[] s_exercises =
    [
        Make("02.10", "02-processes", "Tenth"),
        Make("01.2", "01-threads", "Second"),
        Make("02.2", "02-processes", "Second of two"),
        Make("01.1", "01-threads", "First"),
    ];

    private static readonly Dictionary<string, ExerciseProgress> s_progress = new()
    {
        ["01.1"] = ExerciseProgress.None("01.1").With(CheckOutcome.Passed, s_when),
        ["02.2"] = ExerciseProgress.None("02.2").With(CheckOutcome.Failed, s_when),
        ["77.7"] = ExerciseProgress.None("77.7").With(CheckOutcome.Passed, s_when),
    };

    [Fact]
    public void Rows_AllChapters_OrderedByChapterThenNumberIgnoringUnknownIds()
    {
        IReadOnlyList<ProgressRow> rows = ProgressReport.Rows(s_exercises, s_progress);

        Assert.Equal(["01.1", "01.2", "02.2", "02.10"], rows.Select(r => r.ExerciseId));
        Assert.Equal(["passed", "not yet", "not yet", "not yet"], rows.Select(r => r.Status));
        Assert.Equal(s_when, rows[0].FirstPassed);
        Assert.Equal((1, 1), (rows[2].Attempts, rows[2].Failures));
    }

    [Fact]
    public void Rows_OneChapter_OnlyThatChapter()
    {
        IReadOnlyList<ProgressRow> rows = ProgressReport.Rows(s_exercises, s_progress, "02-processes");

        Assert.Equal(["02.2", "02.10"], rows.Select(r => r.ExerciseId));
        Assert.All(rows, r => Assert.Equal("02-processes", r.Chapter));
    }

    [Fact]
    public void Format_Rows_AlignedTableWithStatusDateAndSummary()
    {
        string text = ProgressReport.Format(ProgressReport.Rows(s_exercises, s_progress, "01-threads"));
        string date = s_when.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        string[] lines = text.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal("Chapter     Exercise  Title   Status   Passed on", lines[0]);
        Assert.StartsWith("----------  --------", lines[1], StringComparison.Ordinal);
        Assert.Equal($"01-threads  01.1      First   passed   {date}", lines[2]);
        Assert.Equal("01-threads  01.2      Second  not yet  -", lines[3]);
        Assert.Equal("1 of 2 exercises passed.", lines[4]);
    }

    [Fact]
    public void Format_NoRows_SaysSo() => Assert.Equal("No exercises to show.", ProgressReport.Format([]));

    [Fact]
    public void Report_RealCatalogueWithStore_ListsChapter01AndThePath()
    {
        using var harness = new CheckHarness();
        harness.Store.Record("01.1", CheckOutcome.Passed);

        string report = Progress.Report(harness.Store, "01-threads");
        IReadOnlyList<ProgressRow> rows = Progress.Rows(harness.Store, "01-threads");

        Assert.Contains("01.1", report, StringComparison.Ordinal);
        Assert.Contains("01.3", report, StringComparison.Ordinal);
        Assert.EndsWith($"Progress file: {harness.Store.Path}", report, StringComparison.Ordinal);
        Assert.Equal("passed", rows.Single(r => r.ExerciseId == "01.1").Status);
        Assert.Equal("not yet", rows.Single(r => r.ExerciseId == "01.2").Status);
    }

    [Fact]
    public void Report_UnknownChapter_NamesTheChaptersThatExist()
    {
        using var harness = new CheckHarness();

        string report = Progress.Report(harness.Store, "42-nothing");

        Assert.Contains("No exercises found for chapter '42-nothing'", report, StringComparison.Ordinal);
        Assert.Contains("01-threads", report, StringComparison.Ordinal);
    }
}
