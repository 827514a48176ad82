namespace Workbook.Async;

/// <summary>
/// Counts operations in flight and remembers the peak: <c>using (gauge.Enter()) { await ...; }</c>.
/// </summary>
/// <remarks>Thread-safe: any number of threads may enter and leave at once; counts are exact.</remarks>
public sealed class InFlightGauge
{
    private int _current;
    private int _peak;
    private int _total;

    /// <summary>Operations in flight right now.</summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>The most that were ever in flight at the same moment.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>How many operations have entered so far.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Marks one operation as started; dispose the result when it ends (also on failure).</summary>
    /// <returns>The scope that marks the end.</returns>
    public Scope Enter()
    {
        Interlocked.Increment(ref _total);
        int now = Interlocked.Increment(ref _current);

        // Raise the peak without a lock: retry only if another thread raised it meanwhile.
        int peak = Volatile.Read(ref _peak);
        while (now > peak)
        {
            int seen = Interlocked.CompareExchange(ref _peak, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }

        return new Scope(this);
    }

    /// <summary>E.g. <c>in flight 3 (peak 10, 250 in total)</c>.</summary>
    public override string ToString() => $"in flight {Current} (peak {Peak}, {Total} in total)";

    /// <summary>Ends one operation's time in flight when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly InFlightGauge? _gauge;

        internal Scope(InFlightGauge gauge) => _gauge = gauge;

        /// <summary>Marks the operation as finished.</summary>
        public void Dispose() => _gauge?.Leave();
    }

    private void Leave() => Interlocked.Decrement(ref _current);
}
