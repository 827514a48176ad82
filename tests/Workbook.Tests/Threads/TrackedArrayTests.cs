using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class TrackedArrayTests
{
    [Fact]
    public void Indexer_Reads_CountedPerElement()
    {
        var data = new TrackedArray([5, 6, 7]);

        int sum = data[0] + data[2] + data[2];

        Assert.Equal(19, sum);
        Assert.Equal([1, 0, 2], Enumerable.Range(0, 3).Select(data.ReadCount));
        Assert.Equal(1, data.ThreadsUsed);
    }

    [Fact]
    public void Indexer_OutOfRange_ThrowsNamingTheValidRange()
    {
        var data = new TrackedArray([1, 2]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => data[2]);

        Assert.Contains("valid: 0 to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreadsUsed_ReadsFromTwoThreads_Two()
    {
        var data = new TrackedArray([1, 2]);
        _ = data[0];
        var other = new Thread(() => _ = data[1]);
        other.Start();
        Assert.True(other.Join(TimeSpan.FromSeconds(30)));

        Assert.Equal(2, data.ThreadsUsed);
    }

    [Fact]
    public void Constructor_CopiesTheValues()
    {
        int[] values = [1, 2, 3];
        var data = new TrackedArray(values);
        values[0] = 100;

        Assert.Equal(6, data.SequentialSum());
    }
}
