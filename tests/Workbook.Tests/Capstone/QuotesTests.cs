using Workbook.Capstone;
using Workbook.Processes;

namespace Workbook.Tests.Capstone;

public sealed class QuotesTests
{
    [Fact]
    public void Block_NeighbouringKeys_AreAdjacentAndEqualWidth()
    {
        for (int key = 0; key < Quotes.KeyCount - 1; key += 37)
        {
            (long from, long to) = Quotes.Block(key);
            (long nextFrom, _) = Quotes.Block(key + 1);
            Assert.Equal(Quotes.BlockWidth, to - from);
            Assert.Equal(to, nextFrom);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Quotes.KeyCount)]
    public void Validate_KeyOutOfRange_ThrowsNamingTheRange(int key)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Quotes.Validate(key));

        Assert.Contains($"0 to {Quotes.KeyCount - 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkFor_Key_CountsThePrimesOfItsBlock()
    {
        WorkItem item = Quotes.WorkFor(42);
        (long from, long to) = Quotes.Block(42);

        Assert.Equal(WorkOperation.CountPrimes, item.Operation);
        Assert.Equal((from, to), (item.Argument, item.Argument2));
        Assert.Equal("quote 42", item.Label);
        Assert.Equal(CpuWork.CountPrimes(from, to), Quotes.Compute(42));
    }

    [Fact]
    public void Compute_CancelledToken_Throws()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => Quotes.Compute(3, new CancellationToken(canceled: true)));
    }
}
