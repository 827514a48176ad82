using Workbook.Measurement;

namespace Workbook.Tests.Measurement;

public class DurationsTests
{
    [Theory]
    [InlineData(0.00085, "850 ns")]
    [InlineData(0.0123, "12.3 µs")]
    [InlineData(1.234, "1.23 ms")]
    [InlineData(250, "250 ms")]
    [InlineData(2500, "2.50 s")]
    [InlineData(0, "0.00 ms")]
    public void FormatMilliseconds_Magnitude_PicksFittingUnit(double milliseconds, string expected)
    {
        Assert.Equal(expected, Durations.FormatMilliseconds(milliseconds));
    }

    [Fact]
    public void Format_TimeSpan_SameAsMilliseconds()
    {
        Assert.Equal("1.50 s", Durations.Format(TimeSpan.FromMilliseconds(1500)));
    }
}
