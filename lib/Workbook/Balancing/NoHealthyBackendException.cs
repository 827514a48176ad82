namespace Workbook.Balancing;

/// <summary>
/// Thrown by <see cref="IBalancer.Pick"/> when no backend can take a request: every one is
/// ejected, or is a half-open backend whose single trial request is already in flight.
/// </summary>
/// <remarks>Failing fast beats queueing in front of a dead farm: the caller can return 503 with
/// a Retry-After of <see cref="NextReturn"/>.</remarks>
public sealed class NoHealthyBackendException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="backends">Names of the unavailable backends.</param>
    /// <param name="nextReturn">When the first ejected backend becomes eligible for a trial, if known.</param>
    /// <param name="now">The balancer clock's current time, used to phrase "in N s".</param>
    /// <param name="detail">Per-backend details for the message.</param>
    public NoHealthyBackendException(IReadOnlyList<string> backends, DateTimeOffset? nextReturn, DateTimeOffset now, string detail)
        : base(BuildMessage(backends, nextReturn, now, detail))
    {
        Backends = backends;
        NextReturn = nextReturn;
    }

    /// <summary>The unavailable backends' names.</summary>
    public IReadOnlyList<string> Backends { get; }

    /// <summary>When the first ejected backend gets its trial request; null when all are mid-trial.</summary>
    public DateTimeOffset? NextReturn { get; }

    private static string BuildMessage(IReadOnlyList<string> backends, DateTimeOffset? nextReturn, DateTimeOffset now, string detail)
    {
        var when = nextReturn is { } at
            ? $"The first returns at {at.UtcDateTime:HH:mm:ss.fff}Z (in {Math.Max(0, (at - now).TotalSeconds):0.###} s)."
            : "Each one has a trial request in flight; retry when it finishes.";
        return $"No healthy backend: all {backends.Count} are unavailable ({detail}). {when}";
    }
}
