namespace Workbook.Tuning;

/// <summary>
/// The synthetic traffic of exercise 08.2 and the profiling demo: call number i of a thread goes
/// to <see cref="EndpointOf"/>(i) and takes <see cref="MicrosecondsOf"/>(i), so the exact expected
/// totals follow from how many calls each thread made.
/// </summary>
/// <remarks>Pure functions of the call number: thread-safe.</remarks>
public static class RequestTraffic
{
    // Skewed like real traffic: the home page gets half of all requests.
    private static readonly string[] s_pattern = ["/home", "/search", "/home", "/cart", "/home", "/product", "/home", "/checkout"];

    /// <summary>The endpoints in the traffic, each once.</summary>
    public static IReadOnlyList<string> Endpoints { get; } = [.. s_pattern.Distinct()];

    /// <summary>The endpoint of call number <paramref name="call"/>.</summary>
    /// <param name="call">The call number, from 0.</param>
    /// <returns>The endpoint.</returns>
    public static string EndpointOf(long call) => s_pattern[call % s_pattern.Length];

    /// <summary>The duration of call number <paramref name="call"/>: 1 to 100 µs.</summary>
    /// <param name="call">The call number, from 0.</param>
    /// <returns>The duration in microseconds.</returns>
    public static int MicrosecondsOf(long call) => (int)(call % 100) + 1;

    /// <summary>Exact totals of a thread's first <paramref name="calls"/> calls.</summary>
    /// <param name="calls">How many calls, from 0.</param>
    /// <returns>Hits per endpoint and the total microseconds.</returns>
    public static (Dictionary<string, long> Hits, long Microseconds) Expected(long calls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        var hits = Endpoints.ToDictionary(e => e, _ => 0L, StringComparer.Ordinal);
        for (int i = 0; i < s_pattern.Length; i++)
        {
            // Calls i, i + 8, i + 16, ... below `calls` go to pattern entry i.
            hits[s_pattern[i]] += calls > i ? ((calls - 1 - i) / s_pattern.Length) + 1 : 0;
        }

        // Durations repeat 1..100: full cycles sum to 5,050, then the partial cycle.
        long cycles = calls / 100, rest = calls % 100;
        return (hits, (cycles * 5050) + (rest * (rest + 1) / 2));
    }

    /// <summary>Exact totals when several threads each sent their own first calls (thread i sent <paramref name="callsPerThread"/>[i]).</summary>
    internal static (Dictionary<string, long> Hits, long Microseconds) Expected(IEnumerable<long> callsPerThread)
    {
        var hits = Endpoints.ToDictionary(e => e, _ => 0L, StringComparer.Ordinal);
        long microseconds = 0;
        foreach (long calls in callsPerThread)
        {
            (Dictionary<string, long> h, long us) = Expected(calls);
            foreach ((string endpoint, long n) in h)
            {
                hits[endpoint] += n;
            }

            microseconds += us;
        }

        return (hits, microseconds);
    }

    /// <summary>Sends <paramref name="calls"/> calls of this traffic to <paramref name="stats"/> from the calling thread.</summary>
    /// <param name="stats">The statistics to update.</param>
    /// <param name="calls">How many calls.</param>
    public static void Send(IRequestStats stats, long calls)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        for (long i = 0; i < calls; i++)
        {
            stats.Record(EndpointOf(i), MicrosecondsOf(i));
        }
    }
}
