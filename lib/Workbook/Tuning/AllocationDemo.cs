using System.Buffers;
using System.Diagnostics;

namespace Workbook.Tuning;

/// <summary>
/// A hot path that needs a scratch buffer per message: it copies the message into the buffer and
/// checksums it. The buffer comes from <c>new</c>, from <see cref="ArrayPool{T}"/> or from
/// <c>stackalloc</c>; the demo counts the bytes allocated and the collections they caused.
/// </summary>
/// <remarks>
/// Allocations are counted exactly for the calling thread; collection counts are process-wide.
/// Thread-safe: the only shared state is the thread-safe shared array pool.
/// </remarks>
public static class AllocationDemo
{
    /// <summary>The largest buffer <see cref="BufferStrategy.StackAlloc"/> accepts: stacks are small (1 MB on Windows), so keep stackalloc to a few KB.</summary>
    public const int MaxStackBytes = 4096;

    /// <summary>Processes <paramref name="messages"/> messages of <paramref name="bufferBytes"/> bytes each.</summary>
    /// <param name="strategy">Where each scratch buffer comes from.</param>
    /// <param name="messages">How many messages; at least 1.</param>
    /// <param name="bufferBytes">Buffer size; 1 to 1 MB (to <see cref="MaxStackBytes"/> for stackalloc).</param>
    /// <returns>Allocations, collections, time, and a checksum of the work.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static AllocationResult Run(BufferStrategy strategy, int messages = 200_000, int bufferBytes = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bufferBytes, 1 << 20);
        if (strategy == BufferStrategy.StackAlloc && bufferBytes > MaxStackBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(bufferBytes), bufferBytes, $"stackalloc is for small buffers: at most {MaxStackBytes} bytes here.");
        }

        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown buffer strategy.");
        }

        byte[] message = new byte[bufferBytes];
        new Random(1).NextBytes(message);
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        long checksum = 0;
        for (int i = 0; i < messages; i++)
        {
            checksum += Process(strategy, message, i);
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new AllocationResult(strategy, messages, bufferBytes, bytes, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, elapsed, checksum);
    }

    /// <summary>Processes one message with a scratch buffer from <paramref name="strategy"/> (the benchmarks call this directly).</summary>
    /// <param name="strategy">Where the scratch buffer comes from.</param>
    /// <param name="message">The message; at most <see cref="MaxStackBytes"/> bytes for stackalloc.</param>
    /// <param name="sequence">The message's number, mixed into the checksum.</param>
    /// <returns>The message's checksum.</returns>
    /// <exception cref="ArgumentException">The message is empty, or too long for stackalloc.</exception>
    public static long Process(BufferStrategy strategy, byte[] message, int sequence)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length == 0 || (strategy == BufferStrategy.StackAlloc && message.Length > MaxStackBytes))
        {
            throw new ArgumentException($"The message must hold 1 to {(strategy == BufferStrategy.StackAlloc ? MaxStackBytes : int.MaxValue)} bytes; it holds {message.Length}.", nameof(message));
        }

        switch (strategy)
        {
            case BufferStrategy.NewArray:
                return Checksum(new byte[message.Length], message, sequence);
            case BufferStrategy.ArrayPool:
                // Rent may hand out a larger array than asked for: use only the first message.Length bytes.
                byte[] rented = ArrayPool<byte>.Shared.Rent(message.Length);
                try
                {
                    return Checksum(rented.AsSpan(0, message.Length), message, sequence);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }

            default:
                Span<byte> onStack = stackalloc byte[message.Length];
                return Checksum(onStack, message, sequence);
        }
    }

    private static long Checksum(Span<byte> scratch, byte[] message, int sequence)
    {
        // The copy touches every byte (as parsing or encoding would); the checksum reads 16 of
        // them, so that the buffer's cost, not the arithmetic, dominates the time.
        message.CopyTo(scratch);
        scratch[0] ^= (byte)sequence;
        long sum = 0;
        for (int i = 0; i < scratch.Length; i += Math.Max(1, scratch.Length / 16))
        {
            sum = (sum * 31) + scratch[i];
        }

        return sum;
    }
}
