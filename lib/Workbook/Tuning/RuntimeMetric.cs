namespace Workbook.Tuning;

/// <summary>What a <see cref="RuntimeRecording"/> can chart: the runtime's own counters, as gauges, totals or rates.</summary>
public enum RuntimeMetric
{
    /// <summary>Thread-pool threads alive (<c>dotnet.thread_pool.thread.count</c>).</summary>
    ThreadPoolThreads,

    /// <summary>Work items waiting in the pool's queues (<c>dotnet.thread_pool.queue.length</c>).</summary>
    ThreadPoolQueueLength,

    /// <summary>Work items the pool completed per second (rate of <c>dotnet.thread_pool.work_item.count</c>).</summary>
    WorkItemsPerSecond,

    /// <summary>Lock contentions since the recording started (<c>dotnet.monitor.lock_contentions</c>).</summary>
    LockContentions,

    /// <summary>Lock contentions per second.</summary>
    LockContentionsPerSecond,

    /// <summary>Collections since the recording started, all generations, as <see cref="GC.CollectionCount"/>(0) counts them (<c>dotnet.gc.collections</c>, summed over its generation tags).</summary>
    Gen0Collections,

    /// <summary>Generation-2 (full) collections since the recording started.</summary>
    Gen2Collections,

    /// <summary>Megabytes allocated since the recording started (<c>dotnet.gc.heap.total_allocated</c>).</summary>
    AllocatedMegabytes,

    /// <summary>Megabytes allocated per second.</summary>
    AllocationMegabytesPerSecond,

    /// <summary>Process CPU use as a percentage of all cores (rate of <c>dotnet.process.cpu.time</c>).</summary>
    CpuPercent,

    /// <summary>The process's working set (physical memory) in megabytes (<c>dotnet.process.memory.working_set</c>).</summary>
    WorkingSetMegabytes,
}
