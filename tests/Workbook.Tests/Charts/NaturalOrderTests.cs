using Workbook.Charts;

namespace Workbook.Tests.Charts;

public class NaturalOrderTests
{
    [Fact]
    public void Compare_EmbeddedNumbers_OrdersByValue()
    {
        string[] lanes = ["worker 10", "worker 2", "thread 1", "worker 1", "worker 02x", "worker"];

        var sorted = lanes.OrderBy(l => l, NaturalOrder.Instance).ToArray();

        Assert.Equal(["thread 1", "worker", "worker 1", "worker 2", "worker 02x", "worker 10"], sorted);
    }
}
