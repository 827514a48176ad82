namespace Workbook.SideBySide;

/// <summary>The Python interpreter that ran a workload, as the script reported it.</summary>
/// <param name="Implementation">E.g. <c>CPython</c>.</param>
/// <param name="Version">E.g. <c>3.11.7</c>.</param>
/// <param name="GilEnabled">Whether it ran with the global interpreter lock (free-threaded 3.13+ builds can run without).</param>
/// <param name="UsableCores">Cores the Python process was allowed to use.</param>
public sealed record PythonInterpreter(string Implementation, string Version, bool GilEnabled, int UsableCores)
{
    /// <summary>E.g. <c>CPython 3.11.7 (GIL on, 2 usable cores)</c>.</summary>
    public override string ToString() => $"{Implementation} {Version} (GIL {(GilEnabled ? "on" : "off")}, {UsableCores} usable cores)";
}
