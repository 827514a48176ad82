namespace Workbook.Tuning;

/// <summary>One reading of the runtime's counters by a <see cref="RuntimeSampler"/>. Counters are totals since the process started.</summary>
/// <param name="At">Time since the sampler started.</param>
/// <param name="Phase">The label of the phase this sample belongs to (see <see cref="RuntimeSampler.Mark"/>), or empty.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads alive.</param>
/// <param name="ThreadPoolQueueLength">Work items waiting in the pool's queues.</param>
/// <param name="CompletedWorkItems">Work items the pool has completed.</param>
/// <param name="LockContentions">Times a thread had to wait for a <c>Monitor</c> lock (<c>lock</c> statement) held by another.</param>
/// <param name="Gen0Collections">Collections of generation 0, counted like <see cref="GC.CollectionCount"/>: every collection, since each one collects gen 0.</param>
/// <param name="Gen1Collections">Collections of generation 1 (gen-1 and gen-2 collections).</param>
/// <param name="Gen2Collections">Generation-2 (full) collections.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap.</param>
/// <param name="CpuTime">Processor time the process has used, user plus system, over all cores.</param>
/// <param name="WorkingSetBytes">Physical memory the process uses now.</param>
public sealed record RuntimeSample(
    TimeSpan At,
    string Phase,
    long ThreadPoolThreads,
    long ThreadPoolQueueLength,
    long CompletedWorkItems,
    long LockContentions,
    long Gen0Collections,
    long Gen1Collections,
    long Gen2Collections,
    long AllocatedBytes,
    TimeSpan CpuTime,
    long WorkingSetBytes);
