using System.Collections.Concurrent;

namespace Workbook.Capstone;

/// <summary>The library's answer to checkpoint 09.3: one lazily started computation per key, forgotten if it fails.</summary>
/// <remarks>
/// Thread-safety: all members may be called concurrently. Values are kept for the life of the cache
/// (the key space is finite: at most <see cref="Quotes.KeyCount"/> entries of a few bytes each).
/// </remarks>
internal sealed class SingleFlightCache : IQuoteCache
{
    private readonly ConcurrentDictionary<int, Flight> _flights = new();

    /// <summary>Keys with a value stored or in flight.</summary>
    public int Count => _flights.Count;

    public Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        // GetOrAdd may build several Flight objects when threads race, but only one is stored, and a
        // Flight does nothing until its Lazy is read: so compute runs once however many threads race.
        Flight flight = _flights.GetOrAdd(key, static (k, state) => new Flight(k, state.compute, state.cache), (compute, cache: this));
        return flight.Result.Value;
    }

    private void Forget(int key, Flight flight) =>
        // Remove only this flight: a newer one for the same key may already have replaced it.
        _flights.TryRemove(new KeyValuePair<int, Flight>(key, flight));

    private sealed class Flight
    {
        public Flight(int key, Func<int, Task<long>> compute, SingleFlightCache cache) =>
            Result = new Lazy<Task<long>>(() => RunAsync(key, compute, cache));

        public Lazy<Task<long>> Result { get; }

        private async Task<long> RunAsync(int key, Func<int, Task<long>> compute, SingleFlightCache cache)
        {
            try
            {
                return await compute(key).ConfigureAwait(false);
            }
            catch
            {
                // A failure is not a value: everyone sharing this flight sees it, the next caller tries again.
                cache.Forget(key, this);
                throw;
            }
        }
    }
}
