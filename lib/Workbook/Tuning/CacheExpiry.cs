using Microsoft.Extensions.Caching.Memory;

namespace Workbook.Tuning;

/// <summary>
/// The trade-off a time-to-live sets, simulated in virtual time with a real <see cref="MemoryCache"/>:
/// a value at the source changes at a steady pace while requests arrive at random; a longer TTL
/// spares the backend and serves more out-of-date answers.
/// </summary>
/// <remarks>
/// Deterministic: arrivals come from a seeded <see cref="Random"/>, and the cache reads a virtual
/// clock, so minutes of traffic take milliseconds and every run gives the same numbers.
/// Thread-safe: each call builds its own cache and clock.
/// </remarks>
public static class CacheExpiry
{
    /// <summary>Simulates one TTL.</summary>
    /// <param name="ttl">The entries' time to live (absolute expiry); zero means "do not cache".</param>
    /// <param name="duration">Virtual time to simulate (60 s by default).</param>
    /// <param name="requestsPerSecond">Mean arrival rate; arrivals are random (Poisson).</param>
    /// <param name="changeEvery">How often the value at the source changes (1 s by default).</param>
    /// <param name="seed">Seeds the arrivals, so runs repeat exactly.</param>
    /// <returns>Backend calls and stale answers for this TTL.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A duration or the rate is out of range.</exception>
    public static TtlPoint Simulate(
        TimeSpan ttl,
        TimeSpan? duration = null,
        double requestsPerSecond = 200,
        TimeSpan? changeEvery = null,
        int seed = 8)
    {
        TimeSpan length = duration ?? TimeSpan.FromSeconds(60);
        TimeSpan change = changeEvery ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero, nameof(duration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(change, TimeSpan.Zero, nameof(changeEvery));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);

        var clock = new SteppedClock();
        using var cache = new MemoryCache(new MemoryCacheOptions { Clock = clock });
        var random = new Random(seed);
        int requests = 0, backendCalls = 0, stale = 0;
        TimeSpan maxStaleness = TimeSpan.Zero;
        TimeSpan now = TimeSpan.Zero;
        while (true)
        {
            // Exponential gaps between arrivals: the arrivals of a Poisson process.
            now += TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / requestsPerSecond);
            if (now >= length)
            {
                break;
            }

            clock.MoveTo(now);
            requests++;
            long current = now.Ticks / change.Ticks;
            if (!cache.TryGetValue("price", out long version))
            {
                backendCalls++;
                version = current;
                if (ttl > TimeSpan.Zero)
                {
                    cache.Set("price", version, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl });
                }
            }

            if (version != current)
            {
                stale++;

                // Out of date since the first change after the version was fetched.
                TimeSpan since = now - TimeSpan.FromTicks((version + 1) * change.Ticks);
                maxStaleness = since > maxStaleness ? since : maxStaleness;
            }
        }

        return new TtlPoint(ttl, requests, backendCalls, stale, maxStaleness);
    }

    /// <summary>Simulates several TTLs with the same traffic (same seed).</summary>
    /// <param name="ttls">The TTLs to compare.</param>
    /// <param name="duration">Virtual time per TTL.</param>
    /// <param name="requestsPerSecond">Mean arrival rate.</param>
    /// <param name="changeEvery">How often the source's value changes.</param>
    /// <param name="seed">Seeds the arrivals.</param>
    /// <returns>One point per TTL, in the order given.</returns>
    public static IReadOnlyList<TtlPoint> SweepTtl(
        IEnumerable<TimeSpan> ttls,
        TimeSpan? duration = null,
        double requestsPerSecond = 200,
        TimeSpan? changeEvery = null,
        int seed = 8)
    {
        ArgumentNullException.ThrowIfNull(ttls);
        return [.. ttls.Select(ttl => Simulate(ttl, duration, requestsPerSecond, changeEvery, seed))];
    }
}
