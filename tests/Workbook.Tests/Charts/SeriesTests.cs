using Workbook.Charts;

namespace Workbook.Tests.Charts;

public class SeriesTests
{
    [Fact]
    public void Of_IntegerPoints_ConvertsToDoubles()
    {
        var series = Series.Of("measured", [(1, 10), (2, 19), (4, 35)]);

        Assert.Equal("measured", series.Name);
        Assert.Equal([1.0, 2.0, 4.0], series.X);
        Assert.Equal([10.0, 19.0, 35.0], series.Y);
        Assert.Equal("measured (3 points)", series.ToString());
    }

    [Fact]
    public void Constructor_LengthsDiffer_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new Series("s", [1.0, 2.0], [1.0]));

        Assert.Contains("2 x values but 1 y values", error.Message);
    }

    [Fact]
    public void Constructor_BlankName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new Series(" ", [1.0], [1.0]));
    }
}
