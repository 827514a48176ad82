using System.Globalization;
using Microsoft.Extensions.Caching.Memory;

namespace Workbook.Tuning;

/// <summary>
/// A short, real-time tour of <see cref="MemoryCache"/> expiry for the notebook: an entry set with a
/// time to live is served while fresh and gone after it, and <c>GetOrCreateAsync</c> fills a miss.
/// </summary>
/// <remarks>
/// The notebook kernel does not reference ASP.NET Core's shared framework, where
/// <see cref="MemoryCache"/> lives, so the calls are made here and the notebook shows them as text.
/// Thread-safe: each call builds and disposes its own cache. Cancelling ends the wait with
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public static class ExpiryTour
{
    /// <summary>Sets a price with a time to live, reads it at once and after the TTL, then fills a miss with <c>GetOrCreateAsync</c>.</summary>
    /// <param name="timeToLive">The entry's time to live (e.g. 200 ms); the tour waits 1.5 times that before the second read.</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>What each read saw.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeToLive"/> is not positive or longer than 10 s.</exception>
    public static async Task<ExpiryTourResult> RunAsync(TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeToLive, TimeSpan.FromSeconds(10));
        using var prices = new MemoryCache(new MemoryCacheOptions());
        prices.Set("price:42", 19.99m, timeToLive);
        bool hitAtOnce = prices.TryGetValue("price:42", out decimal fresh);

        // Expired entries are noticed on access: TryGetValue checks the entry's expiry time itself.
        await Task.Delay(timeToLive * 1.5, cancellationToken).ConfigureAwait(false);
        bool hitLater = prices.TryGetValue("price:42", out decimal _);
        int factoryCalls = 0;
        decimal created = await prices.GetOrCreateAsync("price:43", async entry =>
        {
            Interlocked.Increment(ref factoryCalls);
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            await Task.Yield();
            return 24.50m;
        }).ConfigureAwait(false);
        decimal again = await prices.GetOrCreateAsync("price:43", _ => Task.FromResult(-1m)).ConfigureAwait(false);
        return new ExpiryTourResult(timeToLive, hitAtOnce, fresh, hitLater, created, again, factoryCalls);
    }
}
