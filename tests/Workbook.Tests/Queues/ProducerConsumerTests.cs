using System.Threading.Channels;
using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class ProducerConsumerTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 4)]
    [InlineData(4, 1)]
    [InlineData(3, 3)]
    [InlineData(8, 2)]
    public async Task RunAsync_WaitMode_EveryItemConsumedExactlyOnce(int producers, int consumers)
    {
        var report = await ProducerConsumer.RunAsync(new ProducerConsumerOptions
        {
            Producers = producers,
            Consumers = consumers,
            ItemsPerProducer = 2_000,
            Capacity = 5,
        }).Within();

        var expected = Enumerable.Range(1, producers * 2_000);
        Assert.Equal(expected, report.ConsumedItems.Order());
        Assert.Empty(report.DroppedItems);
        Assert.Equal(producers * 2_000, report.Produced);
    }

    [Theory]
    [InlineData(BoundedChannelFullMode.DropOldest)]
    [InlineData(BoundedChannelFullMode.DropNewest)]
    [InlineData(BoundedChannelFullMode.DropWrite)]
    public async Task RunAsync_DropModes_ConsumedPlusDroppedIsExactlyWhatWasProduced(BoundedChannelFullMode mode)
    {
        var report = await ProducerConsumer.RunAsync(new ProducerConsumerOptions
        {
            Producers = 3,
            Consumers = 1,
            ItemsPerProducer = 3_000,
            Capacity = 2,
            FullMode = mode,
        }).Within();

        // Whether anything is dropped depends on scheduling; that every item is accounted for
        // exactly once does not.
        Assert.Equal(9_000, report.Produced);
        Assert.True(report.Balanced, report.ToString());
        Assert.Equal(Enumerable.Range(1, 9_000), report.ConsumedItems.Concat(report.DroppedItems).Order());
    }

    [Fact]
    public async Task RunAsync_AnyRun_DepthNeverExceedsCapacity()
    {
        var report = await ProducerConsumer.RunAsync(new ProducerConsumerOptions
        {
            Producers = 2,
            Consumers = 1,
            ItemsPerProducer = 100,
            Capacity = 4,
            ConsumerDelay = TimeSpan.FromMilliseconds(1),
            SampleEvery = TimeSpan.FromMilliseconds(1),
        }).Within();

        Assert.NotEmpty(report.Depth);
        Assert.All(report.Depth, s => Assert.InRange(s.Depth, 0, 4));
        Assert.Equal(200, report.Consumed);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ProducerConsumer.RunAsync(new ProducerConsumerOptions(), cts.Token).Within());
    }

    [Fact]
    public async Task RunAsync_NoConsumers_ThrowsNamingConsumers()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => ProducerConsumer.RunAsync(new ProducerConsumerOptions { Consumers = 0 }).Within());
        Assert.Equal("Consumers", ex.ParamName);
    }
}
