using Workbook.Twins;

namespace Workbook.Tests.Twins;

public class TwinArgumentsTests
{
    [Fact]
    public void Parse_NoArguments_RunsEverythingWithHintOne()
    {
        var parsed = TwinArguments.Parse([]);

        Assert.False(parsed.ChecksOnly);
        Assert.Empty(parsed.Selected);
        Assert.Equal(1, parsed.HintLevel);
        Assert.Null(parsed.OutputFolder);
        Assert.True(parsed.Runs("01.1"));
    }

    [Fact]
    public void Parse_CheckWithIds_SelectsOnlyThose()
    {
        var parsed = TwinArguments.Parse(["--check", "01.1", "01.3", "--hint", "2", "--out", "/tmp/charts"]);

        Assert.True(parsed.ChecksOnly);
        Assert.Equal(["01.1", "01.3"], parsed.Selected);
        Assert.Equal(2, parsed.HintLevel);
        Assert.Equal("/tmp/charts", parsed.OutputFolder);
        Assert.True(parsed.Runs("01.3"));
        Assert.False(parsed.Runs("01.2"));
    }

    [Fact]
    public void Parse_CheckWithoutIds_RunsEveryCheck()
    {
        var parsed = TwinArguments.Parse(["--check"]);

        Assert.True(parsed.ChecksOnly);
        Assert.True(parsed.Runs("07.3"));
    }

    [Theory]
    [InlineData(new[] { "--fast" }, "unknown argument \"--fast\"")]
    [InlineData(new[] { "--check", "threads" }, "--check expects exercise ids such as 01.1, got \"threads\"")]
    [InlineData(new[] { "--hint", "0" }, "--hint expects a hint number from 1, got \"0\"")]
    [InlineData(new[] { "--hint" }, "--hint needs a value")]
    [InlineData(new[] { "--out", "--check" }, "--out needs a value")]
    public void Parse_BadArgument_ThrowsNamingIt(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => TwinArguments.Parse(args));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
