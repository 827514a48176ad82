using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>One benchmark case from a BenchmarkDotNet JSON report: its names, parameters, timing statistics and allocations.</summary>
/// <param name="Type">The benchmark class, e.g. <c>CounterBenchmarks</c>.</param>
/// <param name="Method">The benchmark method, e.g. <c>Increment</c>.</param>
/// <param name="Parameters">The [Params] values of this case, e.g. Kind = Lock, Threads = 4 (empty without parameters).</param>
/// <param name="MeanNanoseconds">Mean time per operation.</param>
/// <param name="MedianNanoseconds">Median time per operation.</param>
/// <param name="StdDevNanoseconds">Standard deviation of the measurements.</param>
/// <param name="MinNanoseconds">The fastest measurement.</param>
/// <param name="MaxNanoseconds">The slowest measurement (after BenchmarkDotNet removed upper outliers).</param>
/// <param name="AllocatedBytesPerOperation">Managed bytes allocated per operation, or null when the memory diagnoser was off.</param>
/// <param name="Gen0Collections">Gen-0 collections during the measured operations.</param>
/// <param name="TotalOperations">Operations the memory diagnoser counted over.</param>
/// <param name="Measurements">Every measurement's time per operation, in nanoseconds.</param>
public sealed record BenchmarkRow(
    string Type,
    string Method,
    IReadOnlyDictionary<string, string> Parameters,
    double MeanNanoseconds,
    double MedianNanoseconds,
    double StdDevNanoseconds,
    double MinNanoseconds,
    double MaxNanoseconds,
    long? AllocatedBytesPerOperation,
    long Gen0Collections,
    long TotalOperations,
    IReadOnlyList<double> Measurements)
{
    /// <summary>The value of one parameter.</summary>
    /// <param name="name">The parameter's name, e.g. <c>Threads</c>.</param>
    /// <returns>The value as BenchmarkDotNet printed it.</returns>
    /// <exception cref="KeyNotFoundException">The case has no such parameter.</exception>
    public string Parameter(string name) =>
        Parameters.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out string? value)
            ? value
            : throw new KeyNotFoundException($"{Type}.{Method} has no parameter '{name}'; it has: {(Parameters.Count == 0 ? "none" : string.Join(", ", Parameters.Keys))}.");

    /// <summary>A label for charts: the method, then the parameters, e.g. <c>Increment Kind=Lock Threads=4</c>.</summary>
    public string Label => Parameters.Count == 0 ? Method : $"{Method} {string.Join(" ", Parameters.Select(p => $"{p.Key}={p.Value}"))}";

    /// <summary>Gen-0 collections per 1,000 operations, as BenchmarkDotNet's summary table shows them.</summary>
    public double Gen0Per1000Operations => TotalOperations == 0 ? 0 : Gen0Collections * 1000.0 / TotalOperations;

    /// <summary>One line: label, mean ± standard deviation, allocations.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Type}.{Label}: mean {Durations.FormatMilliseconds(MeanNanoseconds / 1e6)} ± {Durations.FormatMilliseconds(StdDevNanoseconds / 1e6)}, "
        + $"{(AllocatedBytesPerOperation is { } bytes ? $"{NumberText.Count(bytes)} B allocated per op" : "allocations not measured")}");
}
