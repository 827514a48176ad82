using System.Globalization;

namespace Workbook.Threads;

/// <summary>Where the CPython measurement was recorded (<see cref="CPythonRecording"/>).</summary>
/// <param name="Cpu">The processor model, as the OS names it.</param>
/// <param name="LogicalCores">Logical processors in the machine.</param>
/// <param name="UsableCores">Logical processors the Python process was allowed to use.</param>
/// <param name="OperatingSystem">The platform string, e.g. <c>Linux-6.1-x86_64</c>.</param>
/// <param name="PythonVersion">E.g. <c>3.11.7</c>.</param>
/// <param name="Implementation">E.g. <c>CPython</c>.</param>
/// <param name="GilEnabled">Whether the interpreter ran with its global interpreter lock.</param>
/// <param name="LoadAverage">
/// The 1-minute load average when the recording started (null if unknown): how many threads of
/// other programs were competing for the cores. Well above 0 means every speedup is understated.
/// </param>
public sealed record CPythonMachine(
    string Cpu,
    int LogicalCores,
    int UsableCores,
    string OperatingSystem,
    string PythonVersion,
    string Implementation,
    bool GilEnabled,
    double? LoadAverage)
{
    /// <summary>E.g. <c>CPython 3.11.7 (GIL on) on 2 usable cores, AMD EPYC, Linux-6.1-x86_64, load average 0.25</c>.</summary>
    public override string ToString() =>
        $"{Implementation} {PythonVersion} (GIL {(GilEnabled ? "on" : "off")}) on {UsableCores} usable cores, {Cpu}, {OperatingSystem}"
        + (LoadAverage is { } load ? string.Create(CultureInfo.InvariantCulture, $", load average {load:0.##}") : "");
}
