using System.Globalization;

namespace Workbook.Tuning;

/// <summary>What <see cref="ExpiryTour.RunAsync"/> saw.</summary>
/// <param name="TimeToLive">The entry's time to live.</param>
/// <param name="HitWhileFresh">Whether the read right after <c>Set</c> found the entry.</param>
/// <param name="FreshValue">The value that read returned.</param>
/// <param name="HitAfterExpiry">Whether the read after 1.5 × the TTL still found it (it should not).</param>
/// <param name="Created">What <c>GetOrCreateAsync</c> made on a miss.</param>
/// <param name="ServedAgain">What a second <c>GetOrCreateAsync</c> for the same key returned (the cached value, not its own factory's).</param>
/// <param name="FactoryCalls">How many times the first factory ran.</param>
public sealed record ExpiryTourResult(
    TimeSpan TimeToLive, bool HitWhileFresh, decimal FreshValue, bool HitAfterExpiry, decimal Created, decimal ServedAgain, int FactoryCalls)
{
    /// <summary>One line per step.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Set(\"price:42\", 19.99, ttl {Measurement.Durations.Format(TimeToLive)}); TryGetValue at once: {(HitWhileFresh ? $"hit ({FreshValue})" : "miss")}; "
        + $"after {Measurement.Durations.Format(TimeToLive * 1.5)}: {(HitAfterExpiry ? "hit" : "miss (expired)")}\n"
        + $"GetOrCreateAsync(\"price:43\") on a miss ran its factory {FactoryCalls} time(s) and returned {Created}; asked again, it served {ServedAgain} from the cache");
}
