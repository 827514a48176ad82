namespace Workbook.SideBySide;

/// <summary>When and where a comparison ran.</summary>
/// <param name="At">When the run happened.</param>
/// <param name="Machine">The machine.</param>
/// <param name="CSharpOptimized">
/// Whether the workbook library's code was JIT-optimised (a Release build). The notebooks use the
/// Debug build so you can step into it, which makes the C# loops several times slower than they
/// could be; CPython has no such switch.
/// </param>
public sealed record RunInfo(DateTimeOffset At, MachineInfo Machine, bool CSharpOptimized)
{
    /// <summary>E.g. <c>2026-11-25 10:31 UTC on AMD EPYC, 2 logical cores, … (C# library: Debug build)</c>.</summary>
    public override string ToString() =>
        $"{At.UtcDateTime:yyyy-MM-dd HH:mm} UTC on {Machine} (C# library: {(CSharpOptimized ? "Release" : "Debug")} build)";
}
