using Workbook.Coroutines;

namespace Workbook.Tests.Coroutines;

public sealed class StreamingDemoTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PullAsync_Items_AllReceivedInOrderAndProducerNeverOverlapsConsumer()
    {
        StreamingRun run = await StreamingDemo.PullAsync(8, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)).WaitAsync(Bound);

        Assert.Equal(Enumerable.Range(0, 8), run.Received);
        Assert.Equal(8, run.Spans.Count(s => s.Lane == run.ProducerLane));
        Assert.Equal(8, run.Spans.Count(s => s.Lane == run.ConsumerLane));

        // Pull-based: the next item is made only after the consumer has finished with the previous one.
        Assert.Equal(TimeSpan.Zero, run.Overlap);
    }

    [Fact]
    public async Task BufferedAsync_Items_AllReceivedInOrder()
    {
        StreamingRun run = await StreamingDemo.BufferedAsync(12, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), capacity: 3).WaitAsync(Bound);

        Assert.Equal(Enumerable.Range(0, 12), run.Received);
        Assert.Equal(12, run.Spans.Count(s => s.Lane == "buffered: make"));
        Assert.Contains("12 items", run.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BufferedAsync_Cancelled_ThrowsAndReturnsPromptly()
    {
        using var cancel = new CancellationTokenSource();
        Task<StreamingRun> run = StreamingDemo.BufferedAsync(1_000, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), cancellationToken: cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
    }

    [Fact]
    public async Task PullAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => StreamingDemo.PullAsync(5, TimeSpan.FromMilliseconds(1), TimeSpan.Zero, cancellationToken: cancel.Token).WaitAsync(Bound));
    }

    [Fact]
    public async Task Demo_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StreamingDemo.PullAsync(0, TimeSpan.Zero, TimeSpan.Zero).WaitAsync(Bound));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StreamingDemo.BufferedAsync(3, TimeSpan.Zero, TimeSpan.Zero, capacity: 0).WaitAsync(Bound));
    }
}
