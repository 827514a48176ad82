namespace Workbook.Balancing;

/// <summary>
/// One request's claim on a backend, returned by <see cref="IBalancer.Pick"/>. Ending it
/// (<see cref="Complete(bool)"/> or <see cref="Dispose"/>) tells the balancer the request is
/// no longer outstanding, how it went and how long it took.
/// </summary>
/// <remarks>
/// Thread-safety: a lease ends exactly once. The first of any number of concurrent or
/// repeated <c>Complete</c>/<c>Dispose</c> calls wins and notifies the balancer; later calls
/// return <see langword="false"/> and do nothing. Disposing a lease that was never completed
/// ends it as <see cref="RequestOutcome.Cancelled"/>, so a <c>using</c> block keeps the
/// outstanding count right even when the request throws or is cancelled.
/// Latency defaults to the time since the pick, measured with the balancer's <see cref="TimeProvider"/>.
/// </remarks>
public sealed class Lease : IDisposable
{
    private readonly Action<Lease, RequestOutcome, TimeSpan> _onComplete;
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private int _completed;

    /// <summary>Creates a lease; custom <see cref="IBalancer"/> implementations call this from their Pick.</summary>
    /// <param name="backend">The chosen backend.</param>
    /// <param name="index">The backend's index in <see cref="IBalancer.Backends"/>.</param>
    /// <param name="onComplete">Called exactly once, when the lease ends, with its outcome and latency.</param>
    /// <param name="time">Clock for the default latency; <see cref="TimeProvider.System"/> when null.</param>
    public Lease(Backend backend, int index, Action<Lease, RequestOutcome, TimeSpan> onComplete, TimeProvider? time = null)
        : this(backend, index, onComplete, time ?? TimeProvider.System, isTrial: false)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(onComplete);
    }

    internal Lease(Backend backend, int index, Action<Lease, RequestOutcome, TimeSpan> onComplete, TimeProvider time, bool isTrial)
    {
        Backend = backend;
        Index = index;
        _onComplete = onComplete;
        _time = time;
        _startedAt = time.GetTimestamp();
        IsTrial = isTrial;
    }

    /// <summary>The backend to send the request to.</summary>
    public Backend Backend { get; }

    /// <summary>The backend's index in the balancer's <see cref="IBalancer.Backends"/>.</summary>
    public int Index { get; }

    /// <summary>Whether the lease has ended (completed or disposed).</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Time since the pick, on the balancer's clock.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_startedAt);

    /// <summary>True when this request is the single half-open trial of an ejected backend.</summary>
    internal bool IsTrial { get; }

    /// <summary>Ends the lease as a success or failure, with the latency measured since the pick.</summary>
    /// <param name="success">Whether the backend handled the request successfully.</param>
    /// <returns><see langword="true"/> if this call ended the lease; <see langword="false"/> if it had already ended.</returns>
    public bool Complete(bool success) => Complete(success ? RequestOutcome.Success : RequestOutcome.Failure, Elapsed);

    /// <summary>Ends the lease with the given outcome and the latency measured since the pick.</summary>
    /// <param name="outcome">How the request ended.</param>
    /// <returns><see langword="true"/> if this call ended the lease; <see langword="false"/> if it had already ended.</returns>
    public bool Complete(RequestOutcome outcome) => Complete(outcome, Elapsed);

    /// <summary>Ends the lease with the given outcome and an explicitly measured latency.</summary>
    /// <param name="outcome">How the request ended.</param>
    /// <param name="latency">The request's latency (zero or more).</param>
    /// <returns><see langword="true"/> if this call ended the lease; <see langword="false"/> if it had already ended.</returns>
    public bool Complete(RequestOutcome outcome, TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);

        // The exchange makes "exactly once" hold under races: only the caller that flips 0 -> 1 reports.
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _onComplete(this, outcome, latency);
        return true;
    }

    /// <summary>Ends the lease as <see cref="RequestOutcome.Cancelled"/> unless it already ended.</summary>
    public void Dispose() => Complete(RequestOutcome.Cancelled, Elapsed);

    /// <inheritdoc />
    public override string ToString() => $"lease on {Backend.Name}{(IsCompleted ? " (ended)" : string.Empty)}";
}
