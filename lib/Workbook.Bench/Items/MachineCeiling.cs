using Workbook.Benchmarking;
using Workbook.Processes;

namespace Workbook.Bench.Items;

/// <summary>
/// The machine's own parallel ceiling: the same trivial spin loop on 1 thread and on one thread
/// per core at once. On a shared or virtual machine N busy threads rarely get N cores' worth of
/// time; no parallel code can beat this ratio, so the workbook's speedups are judged against it too.
/// </summary>
/// <remarks>The contenders start dedicated threads and join them before returning; nothing outlives a sample.</remarks>
internal static class MachineCeiling
{
    /// <summary>Contender name: the spin loop on one thread.</summary>
    public const string OneThread = "spin loop, 1 thread";

    /// <summary>Contender name: the spin loop on every core.</summary>
    public static string AllCores => $"spin loop, {Environment.ProcessorCount} threads";

    /// <summary>Two contenders: each sample is the wall time of <paramref name="iterations"/> spin steps per thread.</summary>
    /// <param name="iterations">Spin steps each thread runs (the workbook's <see cref="CpuWork.Spin(long, CancellationToken)"/>).</param>
    /// <returns>The one-thread and all-cores contenders.</returns>
    public static IReadOnlyList<Contender> Contenders(long iterations) =>
    [
        Contender.Timed(OneThread, () => SpinOn(1, iterations)),
        Contender.Timed(AllCores, () => SpinOn(Environment.ProcessorCount, iterations)),
    ];

    /// <summary>The ceiling as a speedup: cores × (one-thread time ÷ all-cores time), since the all-cores run did cores times the work.</summary>
    /// <param name="v">Contender values by name.</param>
    /// <returns>The ceiling (ideal: the core count).</returns>
    public static double Ceiling(Func<string, double> v) => Environment.ProcessorCount * v(OneThread) / v(AllCores);

    private static void SpinOn(int threads, long iterations)
    {
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() => CpuWork.Spin(iterations)) { IsBackground = true, Name = $"ceiling spin {t}" };
            workers[t].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }
    }
}
