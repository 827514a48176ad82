namespace Workbook.Tuning;

/// <summary>
/// Per-endpoint request statistics that every request updates (exercise 08.2): hits per endpoint,
/// total hits and total time.
/// </summary>
/// <remarks>
/// Implementations are called by every request thread at once. After all <see cref="Record"/>
/// calls have returned, the totals must be exact: nothing lost, nothing counted twice.
/// </remarks>
public interface IRequestStats
{
    /// <summary>Counts one request to <paramref name="endpoint"/> that took <paramref name="microseconds"/>.</summary>
    /// <param name="endpoint">The endpoint, e.g. <c>"/home"</c>.</param>
    /// <param name="microseconds">How long the request took.</param>
    void Record(string endpoint, int microseconds);

    /// <summary>Requests recorded for <paramref name="endpoint"/> (0 for one never seen).</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The count.</returns>
    long Hits(string endpoint);

    /// <summary>Requests recorded for all endpoints together.</summary>
    long TotalHits { get; }

    /// <summary>The sum of the recorded durations, in microseconds.</summary>
    long TotalMicroseconds { get; }
}
