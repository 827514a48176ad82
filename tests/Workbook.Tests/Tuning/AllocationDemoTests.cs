using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class AllocationDemoTests
{
    [Fact]
    public void Run_NewArray_AllocatesAtLeastOneBufferPerMessage()
    {
        AllocationResult result = AllocationDemo.Run(BufferStrategy.NewArray, messages: 1_000, bufferBytes: 1024);

        Assert.True(result.AllocatedBytes >= 1_000 * 1024, $"{result.AllocatedBytes} bytes");
        Assert.True(result.BytesPerMessage >= 1024);
    }

    [Theory]
    [InlineData(BufferStrategy.ArrayPool)]
    [InlineData(BufferStrategy.StackAlloc)]
    public void Run_PooledOrStack_AllocatesNoBufferPerMessage(BufferStrategy strategy)
    {
        // Warm up so that the pool's first arrays and any one-time costs are not counted.
        AllocationDemo.Run(strategy, messages: 10, bufferBytes: 1024);

        AllocationResult result = AllocationDemo.Run(strategy, messages: 10_000, bufferBytes: 1024);

        // The message array (1 KB) and nothing per message.
        Assert.True(result.AllocatedBytes < 4_096, $"{result.AllocatedBytes} bytes for 10,000 messages");
    }

    [Fact]
    public void Run_AllStrategies_SameChecksum()
    {
        long[] sums = [.. Enum.GetValues<BufferStrategy>().Select(s => AllocationDemo.Run(s, messages: 500, bufferBytes: 256).Checksum)];

        Assert.Single(sums.Distinct());
    }

    [Fact]
    public void Run_StackAllocTooLarge_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AllocationDemo.Run(BufferStrategy.StackAlloc, bufferBytes: AllocationDemo.MaxStackBytes + 1));

    [Fact]
    public void Process_EmptyMessage_Throws() =>
        Assert.Throws<ArgumentException>(() => AllocationDemo.Process(BufferStrategy.NewArray, [], 0));
}
