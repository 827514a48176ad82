using System.Globalization;

namespace Workbook.Capstone;

/// <summary>What one service instance (or a whole farm, summed) has done since it started or was last reset.</summary>
/// <param name="Name">The instance's name, or "farm" for a sum.</param>
/// <param name="Requests">Quote requests received.</param>
/// <param name="Answered">Answered with 200 and the quote.</param>
/// <param name="Rejected">Turned away with 503 because the queue was full.</param>
/// <param name="TimedOut">Given up with 504 after the deadline.</param>
/// <param name="Failed">Failed with 500 (a worker crashed or the work threw).</param>
/// <param name="BadRequests">Refused with 400 (no key, or a key out of range).</param>
/// <param name="Abandoned">Ended because the client went away before the answer.</param>
/// <param name="Computations">Quotes actually computed (with a cache, fewer than the requests).</param>
public sealed record ServiceStats(
    string Name, long Requests, long Answered, long Rejected, long TimedOut, long Failed, long BadRequests, long Abandoned, long Computations)
{
    /// <summary>The share of answered requests that needed no computation of their own: cache hits and requests that joined one in flight.</summary>
    public double HitRate => Answered > 0 ? Math.Clamp(1 - ((double)Computations / Answered), 0, 1) : 0;

    /// <summary>Adds up the stats of several instances.</summary>
    /// <param name="parts">The instances' stats.</param>
    /// <param name="name">The name of the sum.</param>
    /// <returns>The totals.</returns>
    public static ServiceStats Sum(IEnumerable<ServiceStats> parts, string name = "farm")
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(name);
        var list = parts.ToList();
        return new ServiceStats(
            name,
            list.Sum(s => s.Requests),
            list.Sum(s => s.Answered),
            list.Sum(s => s.Rejected),
            list.Sum(s => s.TimedOut),
            list.Sum(s => s.Failed),
            list.Sum(s => s.BadRequests),
            list.Sum(s => s.Abandoned),
            list.Sum(s => s.Computations));
    }

    /// <summary>E.g. "instance0: 1,200 requests, 1,200 answered, 0 rejected, 0 timed out, 0 failed; 240 computations (80% served without one)".</summary>
    /// <returns>One line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Requests:N0} requests, {Answered:N0} answered, {Rejected:N0} rejected (503), {TimedOut:N0} timed out, {Failed:N0} failed; "
        + $"{Computations:N0} computations ({HitRate:P0} served without one)");
}
