using BenchmarkDotNet.Attributes;
using Workbook.Tuning;

namespace Workbook.Benchmarks;

/// <summary>
/// One message through chapter 08's hot path with each buffer strategy
/// (<see cref="AllocationDemo.Process"/>): new array, ArrayPool, stackalloc.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
public class BufferBenchmarks
{
    private byte[] _message = [];
    private int _sequence;

    /// <summary>Message (and buffer) size in bytes.</summary>
    [Params(1024)]
    public int Size { get; set; }

    /// <summary>Creates the message once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _message = new byte[Size];
        new Random(1).NextBytes(_message);
    }

    /// <summary>A new array per message.</summary>
    /// <returns>The checksum.</returns>
    [Benchmark(Baseline = true)]
    public long NewArray() => AllocationDemo.Process(BufferStrategy.NewArray, _message, _sequence++);

    /// <summary>A rented, returned array per message.</summary>
    /// <returns>The checksum.</returns>
    [Benchmark]
    public long ArrayPool() => AllocationDemo.Process(BufferStrategy.ArrayPool, _message, _sequence++);

    /// <summary>A stack buffer per message.</summary>
    /// <returns>The checksum.</returns>
    [Benchmark]
    public long StackAlloc() => AllocationDemo.Process(BufferStrategy.StackAlloc, _message, _sequence++);
}
