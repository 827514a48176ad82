using Workbook.Processes;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Processes"/>: chapter 02's <see cref="ProcessPool"/> of
/// worker processes, the .NET counterpart of <c>multiprocessing.Pool</c>, counting primes in chunks.
/// </summary>
internal static class ProcessesWorkload
{
    public static async Task<SideMeasurement> RunAsync(Workload workload, CancellationToken cancellationToken)
    {
        int limit = workload.Int("limit");
        int workers = workload.Int("workers");
        IReadOnlyList<WorkItem> chunks = WorkItem.CountPrimesInChunks(0, limit, workload.Int("chunks"));
        CpuWork.CountPrimes(0, Math.Min(limit, 20_000), cancellationToken);

        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        long primes = 0, started = 0;
        for (int round = 0; round < workload.Int("repeats"); round++)
        {
            // A fresh pool per round, as on the Python side: its start-up is one of the figures.
            ProcessPool? pool = null;
            try
            {
                (Dictionary<string, double> times, Dictionary<string, long> values) = await Rounds.RunAsync<long>(
                    1,
                    [
                        ("sequential", () => Task.FromResult(CpuWork.CountPrimes(0, limit, cancellationToken))),
                        ("start", async () => (pool = await ProcessPool.StartAsync(workers, cancellationToken).ConfigureAwait(false)).LiveWorkerCount),
                    ],
                    cancellationToken).ConfigureAwait(false);

                // Untimed: each fresh worker process compiles the counting code on its first item.
                await pool!.RunAllAsync(WorkItem.CountPrimesInChunks(0, Math.Min(limit, 20_000), workers), cancellationToken).ConfigureAwait(false);
                (Dictionary<string, double> counting, Dictionary<string, long> counted) = await Rounds.RunAsync<long>(
                    1,
                    [("processes", async () => (await pool.RunAllAsync(chunks, cancellationToken).ConfigureAwait(false)).Sum(r => r.Value))],
                    cancellationToken).ConfigureAwait(false);
                times["processes"] = counting["processes"];
                values["processes"] = counted["processes"];
                if (values["sequential"] != values["processes"])
                {
                    throw new InvalidOperationException($"The process pool counted {values["processes"]} primes, one thread {values["sequential"]}.");
                }

                (primes, started) = (values["sequential"], values["start"]);
                foreach ((string name, double seconds) in times)
                {
                    best[name] = best.TryGetValue(name, out double sofar) ? Math.Min(sofar, seconds) : seconds;
                }
            }
            finally
            {
                if (pool is not null)
                {
                    await pool.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return Rounds.Measurement([("primes", primes), ("started", started)], best);
    }
}
