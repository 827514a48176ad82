namespace Workbook.Processes;

/// <summary>Runs a work item on the calling thread, exactly as a worker process would, for side-by-side comparisons.</summary>
/// <remarks>Pure apart from <see cref="WorkOperation.Sleep"/>; thread-safe.</remarks>
internal static class InProcess
{
    /// <summary>Whether the item can run here: crashing or throwing on purpose is kept to worker processes.</summary>
    public static bool CanRun(WorkItem item) => item.Operation is not (WorkOperation.Crash or WorkOperation.Throw);

    /// <summary>The value a worker would reply with.</summary>
    /// <exception cref="ArgumentException">The item cannot run in this process.</exception>
    public static long Run(WorkItem item, CancellationToken cancellationToken) => item.Operation switch
    {
        WorkOperation.CountPrimes => CpuWork.CountPrimes(item.Argument, item.Argument2, cancellationToken),
        WorkOperation.Spin => CpuWork.Spin(item.Argument, cancellationToken),
        WorkOperation.Sleep => Sleep(item.Argument, cancellationToken),
        WorkOperation.Echo => 0,
        WorkOperation.Pid => Environment.ProcessId,
        _ => throw new ArgumentException($"{item} cannot run in this process: it would crash or fail it on purpose.", nameof(item)),
    };

    private static long Sleep(long milliseconds, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(milliseconds));
            cancellationToken.ThrowIfCancellationRequested();
        }
        else
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(milliseconds));
        }

        return milliseconds;
    }
}
