using BenchmarkDotNet.Attributes;
using Workbook.Processes;

namespace Workbook.Bench.Items;

/// <summary>
/// BenchmarkDotNet micro-benchmark: one work item's round trip through a warm worker process of
/// the processes chapter's <see cref="ProcessPool"/> (an echo: send, run, reply).
/// </summary>
/// <remarks>Runs in this process (in-process toolchain) against the pool set in <see cref="Pool"/>; BenchmarkDotNet calls it from one thread.</remarks>
public class ProcessPoolRoundTrip
{
    private static readonly WorkItem Echo = WorkItem.Echo("ping");

    /// <summary>The warm pool the benchmark sends to; set before the run, owned by the caller.</summary>
    internal static ProcessPool? Pool { get; set; }

    /// <summary>Sends one echo item to a worker process and awaits its reply.</summary>
    /// <returns>The reply.</returns>
    [Benchmark]
    public Task<WorkResult> EchoThroughWorkerProcess() =>
        (Pool ?? throw new InvalidOperationException("Set ProcessPoolRoundTrip.Pool before running the benchmark.")).RunAsync(Echo);
}

/// <summary>BenchmarkDotNet micro-benchmark: the same item's round trip through the in-process thread pool (queue it, run it, await it).</summary>
/// <remarks>Stateless; BenchmarkDotNet calls it from one thread.</remarks>
public class ThreadPoolRoundTrip
{
    private static readonly WorkItem Echo = WorkItem.Echo("ping");

    /// <summary>Queues one item on the thread pool that returns the echo's text, and awaits it.</summary>
    /// <returns>The text.</returns>
    [Benchmark]
    public Task<string?> EchoOnThreadPool() => Task.Run(static () => Echo.Text);
}
