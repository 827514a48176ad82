using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

public sealed class BenchOptionsTests
{
    [Fact]
    public void Parse_NoArguments_FiveRoundsAllItemsJudged()
    {
        BenchOptions options = BenchOptions.Parse([]);

        Assert.Equal(5, options.Rounds);
        Assert.Null(options.Only);
        Assert.True(options.Judged);
        Assert.Null(options.NotJudgedReason);
        Assert.Equal("out/bench", options.OutputDirectory);
        Assert.False(options.Record);
    }

    [Fact]
    public void Parse_Quick_ThreeRoundsNotJudged()
    {
        BenchOptions options = BenchOptions.Parse(["--quick"]);

        Assert.Equal(3, options.Rounds);
        Assert.False(options.Judged);
        Assert.Contains("--quick", options.NotJudgedReason);
    }

    [Fact]
    public void Parse_FewerThanFiveRounds_NotJudged()
    {
        BenchOptions options = BenchOptions.Parse(["--rounds", "4"]);

        Assert.False(options.Judged);
        Assert.Contains("at least 5", options.NotJudgedReason);
        Assert.True(BenchOptions.Parse(["--rounds", "7"]).Judged);
    }

    [Fact]
    public void Parse_EveryOption_Read()
    {
        BenchOptions options = BenchOptions.Parse(["--only", "2,5-7", "--rounds", "9", "--out", "elsewhere", "--record"]);

        Assert.Equal([2, 5, 6, 7], options.Only!.Order());
        Assert.Equal(9, options.Rounds);
        Assert.Equal("elsewhere", options.OutputDirectory);
        Assert.True(options.Record);
        Assert.True(options.Includes(6));
        Assert.False(options.Includes(3));
    }

    [Theory]
    [InlineData("1", new[] { 1 })]
    [InlineData("3,1,3", new[] { 1, 3 })]
    [InlineData("1-3, 8", new[] { 1, 2, 3, 8 })]
    [InlineData("10", new[] { 10 })]
    public void ParseOnly_NumbersAndRanges_TheItems(string text, int[] expected)
    {
        Assert.Equal(expected, BenchOptions.ParseOnly(text).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2b")]
    [InlineData("0")]
    [InlineData("1,,2")]
    [InlineData("5-3")]
    [InlineData("1-2-3")]
    [InlineData("-1")]
    public void ParseOnly_NotAnItemList_ThrowsQuotingIt(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.ParseOnly(text));

        Assert.Contains("--only", error.Message);
    }

    [Theory]
    [InlineData("--rounds", "0")]
    [InlineData("--rounds", "five")]
    [InlineData("--rounds", "-3")]
    public void Parse_BadRounds_Throws(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse([option, value]));

        Assert.Contains("--rounds", error.Message);
    }

    [Theory]
    [InlineData("--only")]
    [InlineData("--out")]
    [InlineData("--rounds")]
    public void Parse_MissingValue_ThrowsNamingTheOption(string option)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse([option]));

        Assert.Contains($"{option} needs a value", error.Message);
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--fast"]));

        Assert.Contains("'--fast'", error.Message);
        Assert.Contains("--only", error.Message);
    }
}
