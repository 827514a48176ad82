using Workbook.Threads;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Threads"/>: chapter 01's <see cref="PrimeCounting"/>, the
/// same trial division CPython runs, on one thread and on several threads sharing blocks of 10,000.
/// </summary>
internal static class ThreadsWorkload
{
    public static SideMeasurement Run(Workload workload, CancellationToken cancellationToken)
    {
        int limit = workload.Int("limit");
        int workers = workload.Int("workers");

        // Warm-up: the JIT compiles the loops before any clock runs.
        PrimeCounting.CountParallel(Math.Min(limit, 20_000), workers);
        (Dictionary<string, double> best, Dictionary<string, int> primes) = Rounds.Run<int>(
            Rounds.ForShortRuns(workload["repeats"]),
            [
                ("sequential", () => PrimeCounting.CountSequential(limit)),
                ("threads", () => PrimeCounting.CountParallel(limit, workers)),
            ],
            cancellationToken);
        return Rounds.Measurement([("primes", Rounds.Same(primes, "the prime count"))], best);
    }
}
