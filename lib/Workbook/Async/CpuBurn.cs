using System.Diagnostics;
using Workbook.Processes;

namespace Workbook.Async;

/// <summary>
/// A fixed amount of CPU work sized to take a given time on one core, so that "100 ms of CPU work"
/// stays 100 ms of work however many threads share the cores (spinning until a clock says 100 ms
/// would not: it would finish on time even with half a core).
/// </summary>
/// <remarks>Thread-safe; instances are immutable.</remarks>
public sealed class CpuBurn
{
    private CpuBurn(long iterations, TimeSpan target)
    {
        Iterations = iterations;
        Target = target;
    }

    /// <summary>How many generator steps one <see cref="Run"/> makes.</summary>
    public long Iterations { get; }

    /// <summary>How long one run took on one idle core when calibrated.</summary>
    public TimeSpan Target { get; }

    /// <summary>Measures this machine's speed on the calling thread and sizes the work to take <paramref name="target"/>.</summary>
    /// <param name="target">How long one run should take on one core (at least 1 ms).</param>
    /// <returns>The calibrated work.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is shorter than 1 ms.</exception>
    public static CpuBurn Calibrate(TimeSpan target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, TimeSpan.FromMilliseconds(1));
        const long Probe = 2_000_000;
        CpuWork.Spin(Probe / 10);

        // The fastest of a few probes: slower ones were interrupted by other threads, not a slower core.
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            long start = Stopwatch.GetTimestamp();
            CpuWork.Spin(Probe);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        long iterations = (long)Math.Max(1, Probe * target.TotalMilliseconds / Math.Max(best, 1e-3));
        return new CpuBurn(iterations, target);
    }

    /// <summary>Does the work once on the calling thread.</summary>
    /// <param name="cancellationToken">Stops the work early with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A checksum, so the loop cannot be optimised away.</returns>
    public long Run(CancellationToken cancellationToken = default) => CpuWork.Spin(Iterations, cancellationToken);

    /// <summary>E.g. <c>CPU work of 41,000,000 steps (about 50 ms on one core)</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CPU work of {Iterations:N0} steps (about {Target.TotalMilliseconds:0} ms on one core)");
}
