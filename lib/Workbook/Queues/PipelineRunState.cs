namespace Workbook.Queues;

/// <summary>State shared by every stage of one running pipeline: the first fault and the stop signal.</summary>
/// <remarks>Thread-safe: <see cref="Fault"/> may be called by any worker; the first caller wins.</remarks>
internal sealed class PipelineRunState(CancellationToken external, Action<Exception> onFirstFault) : IDisposable
{
    private readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(external);
    private Exception? error;

    /// <summary>Cancelled when the caller cancels or any stage faults.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>True when the caller's token was cancelled.</summary>
    public bool CancelledByCaller => external.IsCancellationRequested;

    /// <summary>The first exception any stage threw, or null.</summary>
    public Exception? Error => Volatile.Read(ref error);

    /// <summary>Records the first failure and stops every stage.</summary>
    public void Fault(Exception ex)
    {
        if (Interlocked.CompareExchange(ref error, ex, null) is null)
        {
            onFirstFault(ex);
            // Cancel rather than just complete channels: workers may be blocked writing into a
            // full channel whose reader has died, and only cancellation wakes them.
            stop.Cancel();
        }
    }

    /// <inheritdoc />
    public void Dispose() => stop.Dispose();
}
