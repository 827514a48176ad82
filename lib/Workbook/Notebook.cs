using System.Runtime;
using System.Runtime.InteropServices;

namespace Workbook;

/// <summary>What the notebooks' setup cell calls once the library is referenced, and the environment check.</summary>
public static class Notebook
{
    /// <summary>Registers the chart formatter; safe to call again when a setup cell is re-run.</summary>
    public static void Setup() => Charts.ChartFormatter.Register();

    /// <summary>Facts about this machine and runtime that affect every measurement in the workbook.</summary>
    public static EnvironmentReport Environment() => new(
        SdkVersion(),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        System.Environment.ProcessorCount,
        GCSettings.IsServerGC ? "server" : "workstation",
        GCSettings.LatencyMode.ToString(),
        typeof(Notebook).Assembly.Location,
        System.Diagnostics.Debugger.IsAttached);

    // Asks the dotnet host for its SDK version; bounded, and the child is always reaped.
    private static string SdkVersion()
    {
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo(Processes.WorkerLauncher.FindHost(), "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = System.Diagnostics.Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(15_000))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return "unknown (dotnet --version did not answer)";
            }
            var version = output.Result.Trim();
            return process.ExitCode == 0 && version.Length > 0 ? version : "none found (only a runtime is installed)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "none found (dotnet is not on PATH)";
        }
    }
}

/// <summary>The environment the workbook runs in.</summary>
/// <param name="Sdk">The .NET SDK version that `dotnet --version` reports.</param>
/// <param name="Runtime">The .NET runtime, e.g. ".NET 10.0.12".</param>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Architecture">The process architecture (X64, Arm64).</param>
/// <param name="Cores">Logical processors available to this process: the ceiling on CPU-bound speedup.</param>
/// <param name="GarbageCollector">Server or workstation GC.</param>
/// <param name="GcLatencyMode">The GC latency mode (Interactive means concurrent background collections).</param>
/// <param name="Library">Where the workbook library was loaded from.</param>
/// <param name="DebuggerAttached">True under a debugger, which distorts timings.</param>
public sealed record EnvironmentReport(string Sdk, string Runtime, string OperatingSystem, string Architecture, int Cores, string GarbageCollector, string GcLatencyMode, string Library, bool DebuggerAttached)
{
    /// <summary>A short multi-line description for printing.</summary>
    public override string ToString() =>
        $"""
        SDK            {Sdk}
        runtime        {Runtime} ({Architecture})
        OS             {OperatingSystem}
        cores          {Cores}
        GC             {GarbageCollector}, {GcLatencyMode}
        library        {Library}
        debugger       {(DebuggerAttached ? "attached (timings will be distorted)" : "none")}
        """;
}
