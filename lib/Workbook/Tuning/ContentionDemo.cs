using System.Diagnostics;

namespace Workbook.Tuning;

/// <summary>
/// Several threads count into one total in each of the <see cref="CounterKind"/> ways, started
/// together by a start gate, and the demo reports the rate, whether the total is exact, and the
/// lock contentions the runtime counted meanwhile.
/// </summary>
/// <remarks>
/// Thread-safe: every run has its own counter and threads, and blocks until they have finished
/// (no thread waits for another after the start gate, so it cannot hang). The contention count is
/// process-wide: other work in the process at the same time adds to it.
/// </remarks>
public static class ContentionDemo
{
    /// <summary>Runs one counter kind.</summary>
    /// <param name="kind">How the threads count.</param>
    /// <param name="threads">Threads counting at once; at least 1.</param>
    /// <param name="incrementsPerThread">Increments each thread makes; at least 1.</param>
    /// <returns>The rate, the exactness and the contentions.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ContentionResult Run(CounterKind kind, int threads = 4, int incrementsPerThread = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(incrementsPerThread);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown counter kind.");
        }

        var counter = new ContendedCounter(kind, threads);
        (TimeSpan elapsed, long contentions) = GatedThreads.Run(threads, $"contention demo {kind}", index => counter.Add(index, incrementsPerThread));
        return new ContentionResult(kind, threads, (long)threads * incrementsPerThread, counter.Total(), elapsed, contentions);
    }

    /// <summary>
    /// Runs every kind <paramref name="rounds"/> times, interleaved (kind A, B, C…, then again), and
    /// keeps each kind's fastest round: other load on the machine can only slow a round down.
    /// </summary>
    /// <param name="threads">Threads counting at once.</param>
    /// <param name="incrementsPerThread">Increments each thread makes per round.</param>
    /// <param name="rounds">Rounds per kind; at least 1.</param>
    /// <returns>One result per kind, in declaration order.</returns>
    public static IReadOnlyList<ContentionResult> RunAll(int threads = 4, int incrementsPerThread = 1_000_000, int rounds = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        CounterKind[] kinds = Enum.GetValues<CounterKind>();
        var best = new Dictionary<CounterKind, ContentionResult>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (CounterKind kind in kinds)
            {
                ContentionResult result = Run(kind, threads, incrementsPerThread);
                if (!best.TryGetValue(kind, out ContentionResult? seen) || result.Elapsed < seen.Elapsed)
                {
                    best[kind] = result;
                }
            }
        }

        return [.. kinds.Select(kind => best[kind])];
    }
}
