using Workbook.Twins;

namespace Workbook.Tests.Twins;

public class ConsoleValueTests
{
    private sealed record Point(string Name, double Value, int Count);

    [Fact]
    public void Render_RecordsCollection_PrintsATableWithOneColumnPerProperty()
    {
        var text = ConsoleValue.Render(new List<Point> { new("alpha", 1.5, 3), new("b", 22.25, 10) });

        Assert.Equal(
            ["Name   Value  Count", "-----  -----  -----", "alpha  1.5    3", "b      22.25  10"],
            text.Split('\n'));
    }

    [Fact]
    public void Render_Scalars_OneValueColumn()
    {
        var text = ConsoleValue.Render(new[] { 3, 1, 2 });

        Assert.Equal(["value", "-----", "3", "1", "2"], text.Split('\n'));
    }

    [Fact]
    public void Render_LongSequence_StopsAfterMaxRowsAndSaysSo()
    {
        var text = ConsoleValue.Render(Enumerable.Range(0, 1_000_000));
        var lines = text.Split('\n');

        Assert.Equal(2 + ConsoleValue.MaxRows + 1, lines.Length);
        Assert.Equal($"... (only the first {ConsoleValue.MaxRows} rows are shown)", lines[^1]);
    }

    [Fact]
    public void Render_SingleObject_KeepsItsOwnMultiLineText()
    {
        var report = Workbook.Notebook.Environment();

        Assert.Equal(report.ToString(), ConsoleValue.Render(report));
    }

    [Theory]
    [InlineData(null, "(null)")]
    [InlineData("plain text", "plain text")]
    public void Render_NullAndText_AsThemselves(string? value, string expected) =>
        Assert.Equal(expected, ConsoleValue.Render(value));

    [Fact]
    public void Render_EmptySequence_SaysEmpty() => Assert.Equal("(empty)", ConsoleValue.Render(Array.Empty<Point>()));

    [Fact]
    public void Render_LongCell_IsCutWithAnEllipsis()
    {
        var text = ConsoleValue.Render(new[] { new Point(new string('x', 100), 0, 0) });

        Assert.Contains(new string('x', ConsoleValue.MaxCellWidth - 1) + "…", text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', ConsoleValue.MaxCellWidth), text, StringComparison.Ordinal);
    }
}
