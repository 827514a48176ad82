using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

public sealed class BenchTableTests
{
    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void Format_Rows_ShowRatioTargetAndVerdictInAlignedColumns()
    {
        string[] lines = Lines(BenchTable.Format(BenchResultsTests.Sample().Measurements));

        Assert.StartsWith("id", lines[0]);
        int ratioColumn = lines[0].IndexOf("ratio", StringComparison.Ordinal);
        int verdictColumn = lines[0].IndexOf("verdict", StringComparison.Ordinal);
        string speedup = lines.Single(l => l.StartsWith("1 ", StringComparison.Ordinal));
        string skipped = lines.Single(l => l.StartsWith("5 ", StringComparison.Ordinal));
        Assert.Equal("1.60×", speedup[ratioColumn..].Split("  ")[0]);
        Assert.Equal("NOT MET", speedup[verdictColumn..].Split("  ")[0]);
        Assert.Contains("≥ 1.90×", speedup);
        Assert.Equal("—", skipped[ratioColumn..].Split("  ")[0]);
        Assert.Equal("skipped", skipped[verdictColumn..].Split("  ")[0]);
        Assert.Contains("apt-get install wrk", string.Join(" ", lines));
    }

    [Fact]
    public void Format_EveryStatus_HasItsOwnVerdictText()
    {
        string[] texts = [.. Enum.GetValues<BenchStatus>().Select(BenchTable.StatusText)];

        Assert.Equal(["met", "NOT MET", "reported", "skipped", "pending", "FAILED"], texts);
    }

    [Fact]
    public void Format_LongNotes_WrapUnderTheNotesColumn()
    {
        var spec = new BenchSpec("2a", 2, "fan-out", "");
        string notes = string.Join(" ", Enumerable.Repeat("word", 60));
        string[] lines = Lines(BenchTable.Format([spec.Report([], notes)]));

        int notesColumn = lines[0].IndexOf("notes", StringComparison.Ordinal);
        string[] rows = lines[2..^2];
        Assert.True(rows.Length > 1, "60 words do not fit on one line");
        Assert.All(rows, r => Assert.True(r.Length - notesColumn <= BenchTable.NotesWidth, $"line too long: {r}"));
        Assert.All(rows.Skip(1), r => Assert.True(string.IsNullOrWhiteSpace(r[..notesColumn])));
        Assert.Equal(notes, string.Join(" ", rows.Select(r => r[notesColumn..].Trim())));
    }

    [Fact]
    public void Counts_OneOfEach_CountsEveryStatus()
    {
        string counts = BenchTable.Counts(BenchResultsTests.Sample().Measurements);

        Assert.Equal("met 0 · not met 1 · reported 1 · skipped 1 · pending 0 · failed 0", counts);
    }

    [Fact]
    public void Format_Results_HeadingSaysWhetherJudged()
    {
        BenchResults judged = BenchResultsTests.Sample();
        BenchResults quick = judged with { Quick = true, Judged = false };

        Assert.Contains("judged run", Lines(BenchTable.Format(judged))[0]);
        Assert.Contains("NOT a judged run", Lines(BenchTable.Format(quick))[0]);
        Assert.Contains("Test CPU, 2 logical cores", BenchTable.Format(judged));
    }

    [Fact]
    public void Markdown_PipesInNotes_AreEscaped()
    {
        var spec = new BenchSpec("1", 1, "a", "");
        string markdown = BenchTable.Markdown([spec.Report([], "x | y")]);

        Assert.Contains("x \\| y", markdown);
        Assert.Equal(3, Lines(markdown).Length);
    }

    [Theory]
    [InlineData(1.666, "1.67×")]
    [InlineData(24.94, "24.9×")]
    [InlineData(0.0512, "0.0512×")]
    [InlineData(0.93, "0.930×")]
    [InlineData(1234.6, "1,235×")]
    [InlineData(double.NaN, "n/a")]
    public void Ratio_SizesAndNonNumbers_FormattedInvariant(double ratio, string expected)
    {
        Assert.Equal(expected, BenchFormat.Ratio(ratio));
    }
}
