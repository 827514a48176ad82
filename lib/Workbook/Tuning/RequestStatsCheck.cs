using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Tuning;

/// <summary>
/// The check of exercise 08.2: exact totals under many threads, and far fewer lock contentions
/// than the original <see cref="LockedRequestStats"/> under the same load, counted by the runtime
/// (<see cref="Monitor.LockContentionCount"/>), never timed.
/// </summary>
internal static class RequestStatsCheck
{
    private const int MaxRounds = 3;

    // A thread waits on a contended lock only after spinning for a while, so contentions are rarer
    // than collisions; enough of them in the original make the comparison meaningful.
    private const long MeaningfulBaseline = 40;
    private static readonly TimeSpan s_roundLength = TimeSpan.FromMilliseconds(500);

    public static string Verify(Func<IRequestStats> create, CheckContext context)
    {
        CheckSingleThread(create(), context);

        // More threads than cores: a thread preempted while holding a lock makes the others wait.
        int threads = Math.Max(8, 2 * context.ThreadCount);
        long baseline = 0, answer = 0, calls = 0, baselineCalls = 0;
        int round = 0;
        while (round < MaxRounds && (round == 0 || baseline < MeaningfulBaseline))
        {
            round++;
            (long c, long n) = Load(new LockedRequestStats(), threads, context, check: false);
            baseline += c;
            baselineCalls += n;
            (c, n) = Load(create(), threads, context, check: true);
            answer += c;
            calls += n;
        }

        long allowed = Math.Max(5, baseline / 20);
        context.Require(
            answer <= allowed,
            $"{threads} threads made {Count(calls)} Record calls and the runtime counted {Count(answer)} lock contentions "
                + $"({PerMillion(answer, calls)} per million calls); the original LockedRequestStats had {Count(baseline)} in {Count(baselineCalls)} calls "
                + $"({PerMillion(baseline, baselineCalls)} per million). Threads still queue for a lock on every request. A lock per endpoint does not help "
                + "much (half the traffic goes to /home), and ConcurrentDictionary's AddOrUpdate and indexer locks the key's stripe on every write. "
                + "Make the per-request path lock-free: atomic increments on counters that stay put.");
        string caveat = baseline < MeaningfulBaseline
            ? " (the machine was so busy that even the original rarely contended; run the check again when it is quieter to be sure)"
            : string.Empty;
        return $"{threads} threads, {round} round(s): all {Count(calls)} requests counted exactly (per endpoint, in total and in microseconds), "
            + $"with {Count(answer)} lock contentions against {Count(baseline)} for the original LockedRequestStats under the same load{caveat}.";
    }

    private static void CheckSingleThread(IRequestStats stats, CheckContext context)
    {
        context.Require(stats.Hits("/home") == 0 && stats.TotalHits == 0 && stats.TotalMicroseconds == 0, "new statistics should be all zero (Hits(\"/home\"), TotalHits and TotalMicroseconds).");
        stats.Record("/home", 10);
        stats.Record("/cart", 5);
        stats.Record("/home", 7);
        context.Require(stats.Hits("/home") == 2, $"after recording /home twice, Hits(\"/home\") is {stats.Hits("/home")}; expected 2.");
        context.Require(stats.Hits("/cart") == 1, $"after recording /cart once, Hits(\"/cart\") is {stats.Hits("/cart")}; expected 1.");
        context.Require(stats.Hits("/nowhere") == 0, $"Hits(\"/nowhere\") of an endpoint never recorded is {stats.Hits("/nowhere")}; expected 0.");
        context.Require(stats.TotalHits == 3, $"after 3 Record calls, TotalHits is {stats.TotalHits}; expected 3.");
        context.Require(stats.TotalMicroseconds == 22, $"after recording 10, 5 and 7 µs, TotalMicroseconds is {stats.TotalMicroseconds}; expected 22.");
    }

    /// <summary>Runs the traffic on <paramref name="threads"/> threads; returns the contentions and the calls made.</summary>
    private static (long Contentions, long Calls) Load(IRequestStats stats, int threads, CheckContext context, bool check)
    {
        // Each thread numbers its own calls (slots 16 longs apart: no shared cache line), so the
        // expected totals are exact whatever the interleaving.
        const int Stride = 16;
        var next = new long[threads * Stride];
        long before = Monitor.LockContentionCount;
        ConcurrentRun run = context.RunThreadsFor(threads, s_roundLength, t =>
        {
            long call = next[t * Stride]++;
            stats.Record(RequestTraffic.EndpointOf(call), RequestTraffic.MicrosecondsOf(call));
        });
        long contentions = Monitor.LockContentionCount - before;
        if (check)
        {
            CheckTotals(stats, run, context);
        }

        return (contentions, run.TotalCalls);
    }

    private static void CheckTotals(IRequestStats stats, ConcurrentRun run, CheckContext context)
    {
        (Dictionary<string, long> hits, long microseconds) = RequestTraffic.Expected(run.CallsPerThread);
        foreach ((string endpoint, long expected) in hits)
        {
            long counted = stats.Hits(endpoint);
            context.Require(
                counted == expected,
                $"{endpoint} received {Count(expected)} requests from {run.CallsPerThread.Count} threads, but Hits(\"{endpoint}\") says {Count(counted)}: "
                    + $"{(counted < expected ? $"{Count(expected - counted)} updates were lost" : "more than were made")}. "
                    + "A read-modify-write such as dict[key] = dict[key] + 1 is not atomic, even on a ConcurrentDictionary: two threads read the same "
                    + "old count and both write it back plus one.");
        }

        context.Require(stats.TotalHits == run.TotalCalls, $"{Count(run.TotalCalls)} requests were recorded, but TotalHits says {Count(stats.TotalHits)}: a total updated with ++ or += from many threads loses updates; use Interlocked.");
        context.Require(stats.TotalMicroseconds == microseconds, $"the recorded durations add up to {Count(microseconds)} µs, but TotalMicroseconds says {Count(stats.TotalMicroseconds)}: updates were lost (use Interlocked.Add).");
    }

    private static string PerMillion(long events, long calls) =>
        calls == 0 ? "0" : (events * 1e6 / calls).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
