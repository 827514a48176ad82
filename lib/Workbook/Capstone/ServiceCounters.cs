namespace Workbook.Capstone;

/// <summary>The live counters behind <see cref="ServiceStats"/>: one interlocked increment per event.</summary>
/// <remarks>Thread-safe. A snapshot taken while requests run may be a few events behind, never torn within one counter.</remarks>
internal sealed class ServiceCounters
{
    private long _requests;
    private long _answered;
    private long _rejected;
    private long _timedOut;
    private long _failed;
    private long _badRequests;
    private long _abandoned;
    private long _computations;

    public void Request() => Interlocked.Increment(ref _requests);

    public void Answered() => Interlocked.Increment(ref _answered);

    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void TimedOut() => Interlocked.Increment(ref _timedOut);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void BadRequest() => Interlocked.Increment(ref _badRequests);

    public void Abandoned() => Interlocked.Increment(ref _abandoned);

    public void Computation() => Interlocked.Increment(ref _computations);

    public ServiceStats Snapshot(string name) => new(
        name,
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _answered),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _timedOut),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _badRequests),
        Interlocked.Read(ref _abandoned),
        Interlocked.Read(ref _computations));

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _answered, 0);
        Interlocked.Exchange(ref _rejected, 0);
        Interlocked.Exchange(ref _timedOut, 0);
        Interlocked.Exchange(ref _failed, 0);
        Interlocked.Exchange(ref _badRequests, 0);
        Interlocked.Exchange(ref _abandoned, 0);
        Interlocked.Exchange(ref _computations, 0);
    }
}
