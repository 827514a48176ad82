namespace Workbook.Processes;

/// <summary>A work item submitted to a <see cref="ProcessPool"/>, with the caller's task.</summary>
/// <remarks>
/// The caller's task is completed exactly once, from whichever thread gets there first: a
/// worker reply, the caller's cancellation, or the pool's disposal. The other attempts are no-ops.
/// </remarks>
internal sealed class PoolJob
{
    private readonly TaskCompletionSource<WorkResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;

    public PoolJob(WorkItem item, CancellationToken cancellationToken)
    {
        Item = item;
        CancellationToken = cancellationToken;

        // The caller's task is cancelled at once, whether the item is queued or running.
        _registration = cancellationToken.UnsafeRegister(
            static state => ((PoolJob)state!).TryCancel(), this);
    }

    public WorkItem Item { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>How many worker processes have died running this item. Touched only by the slot running it.</summary>
    public int Crashes { get; set; }

    public Task<WorkResult> Task => _completion.Task;

    public bool IsFinished => _completion.Task.IsCompleted;

    public void TrySucceed(WorkResult result)
    {
        _completion.TrySetResult(result);
        _registration.Unregister();
    }

    public void TryFail(Exception error)
    {
        _completion.TrySetException(error);
        _registration.Unregister();
    }

    public void TryCancel()
    {
        _completion.TrySetCanceled(CancellationToken);
        _registration.Unregister();
    }
}
