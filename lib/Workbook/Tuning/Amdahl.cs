using System.Diagnostics;
using Workbook.Processes;

namespace Workbook.Tuning;

/// <summary>
/// Amdahl's law, predicted and measured. A job of fixed size has a serial part (a fraction s of
/// the work, one thread only) and a parallel part split evenly over n threads; the predicted
/// speedup is 1 / (s + (1 − s) / n), where n cannot usefully exceed the number of cores.
/// </summary>
/// <remarks>
/// The work is pure CPU (<see cref="CpuWork.Spin(long, CancellationToken)"/>), so the measurement shows the law plus
/// whatever else competes for the cores. Thread-safe: each run uses its own threads and blocks
/// until they finish.
/// </remarks>
public static class Amdahl
{
    /// <summary>Generator steps per millisecond of work, roughly, on a current core in the debug build.</summary>
    private const long SpinsPerMillisecond = 125_000;

    /// <summary>Amdahl's predicted speedup.</summary>
    /// <param name="serialFraction">The serial share of the work, 0 to 1.</param>
    /// <param name="threads">Threads for the parallel part; at least 1.</param>
    /// <param name="cores">Cores available; more threads than cores add nothing. <see cref="Environment.ProcessorCount"/> by default.</param>
    /// <returns>1 / (s + (1 − s) / min(threads, cores)).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double Predict(double serialFraction, int threads, int? cores = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serialFraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serialFraction, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        int usable = Math.Min(threads, cores ?? Environment.ProcessorCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(usable, nameof(cores));
        return 1 / (serialFraction + ((1 - serialFraction) / usable));
    }

    /// <summary>
    /// Measures every (serial fraction, thread count) pair. Rounds are interleaved and each pair
    /// keeps its fastest round, since other load can only slow a round down.
    /// </summary>
    /// <param name="serialFractions">Serial shares to try, each 0 to 1.</param>
    /// <param name="threadCounts">Thread counts to try; 1 is added if missing (it is the baseline).</param>
    /// <param name="work">The job's size as single-thread time, roughly (150 ms by default).</param>
    /// <param name="rounds">Rounds per pair; at least 1.</param>
    /// <returns>One point per pair, ordered by serial fraction, then threads.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static IReadOnlyList<AmdahlPoint> Measure(
        IEnumerable<double> serialFractions,
        IEnumerable<int> threadCounts,
        TimeSpan? work = null,
        int rounds = 3)
    {
        ArgumentNullException.ThrowIfNull(serialFractions);
        ArgumentNullException.ThrowIfNull(threadCounts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        double[] fractions = [.. serialFractions.Distinct().Order()];
        int[] counts = [.. threadCounts.Append(1).Distinct().Order()];
        if (fractions.Length == 0 || fractions.Any(f => f is < 0 or > 1 || double.IsNaN(f)))
        {
            throw new ArgumentOutOfRangeException(nameof(serialFractions), "Give at least one serial fraction, each between 0 and 1.");
        }

        if (counts[0] < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threadCounts), "Thread counts must be at least 1.");
        }

        TimeSpan size = work ?? TimeSpan.FromMilliseconds(150);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(size, TimeSpan.Zero, nameof(work));
        long spins = (long)(size.TotalMilliseconds * SpinsPerMillisecond);
        var best = new Dictionary<(double, int), TimeSpan>();
        RunOnce(0.5, 2, spins / 10);   // untimed warm-up: JIT and thread start-up are not part of the law
        for (int round = 0; round < rounds; round++)
        {
            foreach (double s in fractions)
            {
                foreach (int n in counts)
                {
                    TimeSpan t = RunOnce(s, n, spins);
                    if (!best.TryGetValue((s, n), out TimeSpan seen) || t < seen)
                    {
                        best[(s, n)] = t;
                    }
                }
            }
        }

        int cores = Environment.ProcessorCount;
        return [.. fractions.SelectMany(s => counts.Select(n =>
            new AmdahlPoint(s, n, best[(s, n)], best[(s, 1)] / best[(s, n)], Predict(s, n, cores), cores)))];
    }

    private static TimeSpan RunOnce(double serialFraction, int threads, long spins)
    {
        long serial = (long)(spins * serialFraction);
        long each = (spins - serial) / threads;
        long start = Stopwatch.GetTimestamp();
        CpuWork.Spin(serial);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() => CpuWork.Spin(each)) { IsBackground = true, Name = "amdahl worker" };
            workers[t].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return Stopwatch.GetElapsedTime(start);
    }
}
