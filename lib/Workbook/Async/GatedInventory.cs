using System.Collections.Concurrent;

namespace Workbook.Async;

/// <summary>
/// The inventory of the 03.3 check and of <see cref="HandlerProbe"/>: a reservation completes only
/// once every expected handler has asked for one, and a price only once every handler has asked for
/// its price, like I/O whose completion needs other requests to get a thread first.
/// </summary>
/// <remarks>
/// Thread-safe. Completions run on the thread pool, never on the caller's thread, as real I/O
/// completions do. <see cref="Release"/> opens both gates, to free handlers stuck behind them.
/// </remarks>
internal sealed class GatedInventory(int expected, Func<bool> onHomeThread) : IInventory
{
    private readonly TaskCompletionSource _allReserving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allPricing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, int> _reservations = new(StringComparer.Ordinal);
    private int _reserveCalls;
    private int _priceCalls;
    private int _reservedOffHome;
    private int _nextReservation = 1000;

    public int ReserveCalls => Volatile.Read(ref _reserveCalls);

    public int PriceCalls => Volatile.Read(ref _priceCalls);

    /// <summary>ReserveAsync calls made from a thread other than the handlers' own (e.g. via Task.Run).</summary>
    public int ReservedOffHome => Volatile.Read(ref _reservedOffHome);

    public static decimal UnitPrice(string sku) => 5m + (sku.Sum(c => c) % 20);

    public int? ReservationFor(string sku) => _reservations.TryGetValue(sku, out int id) ? id : null;

    public Task<int> ReserveAsync(string sku, int quantity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sku);
        if (!onHomeThread())
        {
            Interlocked.Increment(ref _reservedOffHome);
        }

        int id = Interlocked.Increment(ref _nextReservation);
        _reservations[sku] = id;
        if (Interlocked.Increment(ref _reserveCalls) == expected)
        {
            _allReserving.TrySetResult();
        }

        return AfterGate(_allReserving.Task, id, cancellationToken);
    }

    public Task<decimal> PriceAsync(string sku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sku);
        if (Interlocked.Increment(ref _priceCalls) == expected)
        {
            _allPricing.TrySetResult();
        }

        return AfterGate(_allPricing.Task, UnitPrice(sku), cancellationToken);
    }

    public void Release()
    {
        _allReserving.TrySetResult();
        _allPricing.TrySetResult();
    }

    private static async Task<T> AfterGate<T>(Task gate, T value, CancellationToken cancellationToken)
    {
        // ConfigureAwait(false): the "I/O" completes on a pool thread, never needing the caller's threads.
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return value;
    }
}
