using System.Globalization;

namespace Workbook.Benchmarking;

/// <summary>The machine and build a benchmark run was taken on: ratios travel between machines, absolute figures do not.</summary>
/// <param name="Os">Operating system description.</param>
/// <param name="Cpu">Processor model name (as the OS reports it).</param>
/// <param name="LogicalCores">Logical processors available to the process.</param>
/// <param name="Runtime">The .NET runtime, e.g. ".NET 10.0.0".</param>
/// <param name="Configuration">"Release" or "Debug": the build that was measured.</param>
/// <param name="LoadAverageBefore">The 1-minute load average when the run began (null where the OS has none): other programs competing for the cores.</param>
/// <param name="LoadAverageAfter">The 1-minute load average when the run ended.</param>
/// <param name="Tools">External tools found, with their version line (e.g. wrk, python3).</param>
/// <remarks>Immutable.</remarks>
public sealed record BenchMachine(
    string Os,
    string Cpu,
    int LogicalCores,
    string Runtime,
    string Configuration,
    double? LoadAverageBefore,
    double? LoadAverageAfter,
    IReadOnlyDictionary<string, string> Tools)
{
    /// <summary>E.g. <c>AMD EPYC, 2 logical cores, Linux …, .NET 10.0.0 (Release), load 1.55 → 1.37</c>.</summary>
    /// <returns>One line.</returns>
    public override string ToString()
    {
        string load = LoadAverageBefore is { } before
            ? string.Create(CultureInfo.InvariantCulture, $", load average {before:0.00} → {LoadAverageAfter ?? double.NaN:0.00}")
            : "";
        return $"{Cpu}, {LogicalCores} logical cores, {Os}, {Runtime} ({Configuration}){load}";
    }
}
