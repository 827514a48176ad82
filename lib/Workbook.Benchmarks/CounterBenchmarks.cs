using BenchmarkDotNet.Attributes;
using Workbook.Tuning;

namespace Workbook.Benchmarks;

/// <summary>
/// Chapter 08's counters under contention: each operation is one increment, made by
/// <see cref="Threads"/> threads at once into one <see cref="ContendedCounter"/>. The time per
/// operation is wall time divided by all threads' increments, so perfect scaling over 2 cores
/// halves it.
/// </summary>
/// <remarks>
/// Not sealed: BenchmarkDotNet generates a class derived from each benchmark class. The threads
/// are created once per case (<see cref="ThreadGang"/>), so their start-up is not measured.
/// </remarks>
public class CounterBenchmarks
{
    private const int Increments = 1_000_000;
    private ThreadGang _gang = null!;

    /// <summary>How the threads count.</summary>
    [Params(CounterKind.Lock, CounterKind.Interlocked, CounterKind.ShardedAdjacent, CounterKind.ShardedPadded, CounterKind.LocalThenCombine)]
    public CounterKind Kind { get; set; }

    /// <summary>Threads counting at once.</summary>
    [Params(1, 2, 4)]
    public int Threads { get; set; }

    /// <summary>Starts the threads once for this case.</summary>
    [GlobalSetup]
    public void Setup() => _gang = new ThreadGang(Threads);

    /// <summary>Ends the threads.</summary>
    [GlobalCleanup]
    public void Cleanup() => _gang.Dispose();

    /// <summary>One invocation: the threads share 1,000,000 increments; reported per increment.</summary>
    /// <returns>The final count, so the work cannot be skipped.</returns>
    [Benchmark(OperationsPerInvoke = Increments)]
    public long Increment()
    {
        var counter = new ContendedCounter(Kind, Threads);
        int each = Increments / Threads;

        // 1,000,000 is not divisible by 3, but it is by 1, 2 and 4, the thread counts used here.
        _gang.Run(t => counter.Add(t, each));
        return counter.Total();
    }
}
