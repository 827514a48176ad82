namespace Workbook.Tests;

public class SmokeTests
{
    [Fact]
    public void Hello_Say_Greets() => Assert.Equal("hello from Workbook", Hello.Say());
}
