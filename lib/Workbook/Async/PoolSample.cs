using System.Globalization;

namespace Workbook.Async;

/// <summary>One reading of the thread pool taken by <see cref="StarvationDemo"/>'s sampler thread.</summary>
/// <param name="At">Time since the requests were queued.</param>
/// <param name="Threads">Thread-pool threads in existence (<c>ThreadPool.ThreadCount</c>).</param>
/// <param name="PendingWorkItems">Work items queued but not yet started (<c>ThreadPool.PendingWorkItemCount</c>).</param>
/// <param name="Completed">Requests finished so far.</param>
public sealed record PoolSample(TimeSpan At, int Threads, long PendingWorkItems, int Completed)
{
    /// <summary>E.g. <c>1.25 s: 14 threads, 38 queued, 0 done</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{At.TotalSeconds:0.00} s: {Threads} threads, {PendingWorkItems} queued, {Completed} done");
}
