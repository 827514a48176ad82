using System.Threading.Channels;
using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class ObservedWriterTests
{
    [Fact]
    public void TryWrite_ChannelFull_ReturnsFalseCountsAndSignalsFull()
    {
        var channel = Channel.CreateBounded<int>(2);
        var writer = new ObservedWriter<int>(channel.Writer);

        var results = Enumerable.Range(1, 4).Select(writer.TryWrite).ToArray();

        Assert.Equal([true, true, false, false], results);
        Assert.Equal(2, writer.FailedTryWrites);
        Assert.True(writer.Full.IsCompleted);
        Assert.Equal(2, channel.Reader.Count);
    }

    [Fact]
    public async Task WriteAsync_ChannelFull_WaitIsCountedAndItemArrivesOnceRoomIsMade()
    {
        var channel = Channel.CreateBounded<int>(1);
        var writer = new ObservedWriter<int>(channel.Writer);
        await writer.WriteAsync(1).Within();
        Assert.False(writer.Full.IsCompleted);

        var parked = writer.WriteAsync(2).AsTask();
        Assert.True(writer.Full.IsCompleted);
        Assert.Equal(1, writer.Waits);
        Assert.False(parked.IsCompleted);

        Assert.Equal(1, await channel.Reader.ReadAsync().Within());
        await parked.Within();
        Assert.Equal(2, await channel.Reader.ReadAsync().Within());
        Assert.Equal(0, writer.FailedTryWrites);
    }

    [Fact]
    public async Task Complete_WithError_ReachesTheInnerChannel()
    {
        var channel = Channel.CreateBounded<int>(1);
        var writer = new ObservedWriter<int>(channel.Writer);
        var error = new InvalidOperationException("boom");

        writer.Complete(error);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => channel.Reader.Completion.Within());
        Assert.Same(error, thrown);
    }
}
