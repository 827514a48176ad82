namespace Workbook.Processes;

/// <summary>One request sent to a worker and the reply it is owed.</summary>
/// <remarks>
/// Completed exactly once, by whichever comes first: the reply, or the worker's death.
/// Every failure is observed here, so an abandoned call (its caller gave up) never surfaces
/// as an unobserved task exception.
/// </remarks>
internal sealed class WorkerCall
{
    private readonly TaskCompletionSource<WorkResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerCall(long id, WorkItem item)
    {
        Id = id;
        Item = item;
        _completion.Task.ContinueWith(
            static t => _ = t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>The request id on the wire.</summary>
    public long Id { get; }

    /// <summary>The item being run.</summary>
    public WorkItem Item { get; }

    /// <summary>Completes with the result, or fails with <see cref="WorkItemFailedException"/>,
    /// <see cref="WorkerCrashedException"/> or cancellation (the worker confirmed a cancel).</summary>
    public Task<WorkResult> Task => _completion.Task;

    public void Succeed(WorkResult result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);

    public void Cancelled() => _completion.TrySetCanceled();
}
