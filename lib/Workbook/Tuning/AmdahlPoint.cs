using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>One measured point of <see cref="Amdahl.Measure"/>: a serial fraction run on some number of threads.</summary>
/// <param name="SerialFraction">The share of the work that runs on one thread only, 0 to 1.</param>
/// <param name="Threads">Threads sharing the parallel part.</param>
/// <param name="Elapsed">The fastest round's wall time.</param>
/// <param name="Speedup">One thread's time divided by this time, both measured in the same run.</param>
/// <param name="Predicted">Amdahl's prediction on this machine: 1 / (s + (1 − s) / min(threads, cores)).</param>
/// <param name="Cores">The cores the prediction assumed.</param>
public sealed record AmdahlPoint(double SerialFraction, int Threads, TimeSpan Elapsed, double Speedup, double Predicted, int Cores)
{
    /// <summary>The speedup the law allows with unlimited threads and cores: 1 / s.</summary>
    public double Ceiling => SerialFraction == 0 ? double.PositiveInfinity : 1 / SerialFraction;

    /// <summary>Measured speedup as a share of the prediction (1.0 = exactly as predicted).</summary>
    public double OfPrediction => Predicted == 0 ? 0 : Speedup / Predicted;

    /// <summary>One line with the measured and the predicted speedup.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"serial {SerialFraction * 100,3:0}%, {Threads} threads: {Durations.Format(Elapsed),8}, speedup {Speedup:0.00}x (predicted {Predicted:0.00}x on {Cores} cores, "
        + $"{(double.IsInfinity(Ceiling) ? "no ceiling" : $"ceiling {Ceiling:0.0}x")})");
}
