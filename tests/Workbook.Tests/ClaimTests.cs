namespace Workbook.Tests;

public class ClaimTests
{
    [Fact]
    public void That_FalseCondition_ThrowsNamingTheStatement()
    {
        var e = Assert.Throws<ClaimFailedException>(() => Claim.That(1 + 1 == 3, "arithmetic still works", "got 2"));
        Assert.Contains("arithmetic still works", e.Message);
        Assert.Contains("got 2", e.Message);
    }

    [Fact]
    public void That_TrueCondition_DoesNotThrow() => Claim.That(true, "truth holds");

    [Fact]
    public void That_EmptyStatement_IsRejected() => Assert.Throws<ArgumentException>(() => Claim.That(true, " "));
}
