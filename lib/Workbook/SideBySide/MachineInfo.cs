using System.Globalization;
using System.Runtime.InteropServices;

namespace Workbook.SideBySide;

/// <summary>The machine a comparison ran on.</summary>
/// <param name="Cpu">The processor model, as the OS names it.</param>
/// <param name="LogicalCores">Logical processors .NET may use.</param>
/// <param name="OperatingSystem">E.g. <c>Debian GNU/Linux 12 (bookworm)</c>.</param>
/// <param name="DotNet">E.g. <c>.NET 10.0.0</c>.</param>
/// <param name="LoadAverage">
/// The 1-minute load average before the run (null where the OS has none): how many threads of other
/// programs competed for the cores. Well above 0 means every speedup is understated.
/// </param>
public sealed record MachineInfo(string Cpu, int LogicalCores, string OperatingSystem, string DotNet, double? LoadAverage)
{
    /// <summary>This machine, now.</summary>
    /// <returns>Its description.</returns>
    public static MachineInfo Current() => new(
        CpuModel(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, ReadLoadAverage());

    /// <summary>E.g. <c>AMD EPYC, 2 logical cores, Linux 6.1, .NET 10.0.0, load average 1.5</c>.</summary>
    public override string ToString() =>
        $"{Cpu}, {LogicalCores} logical cores, {OperatingSystem}, {DotNet}"
        + (LoadAverage is { } load ? string.Create(CultureInfo.InvariantCulture, $", load average {load:0.##}") : "");

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.OrdinalIgnoreCase));
                if (line?.Split(':', 2) is [_, var model] && model.Trim().Length > 0)
                {
                    return model.Trim();
                }
            }
        }
        catch (IOException)
        {
            // Not readable here: fall back to the architecture.
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static double? ReadLoadAverage()
    {
        try
        {
            // "0.52 0.58 0.59 1/467 12345": the first field is the 1-minute average.
            return File.Exists("/proc/loadavg")
                && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double load)
                ? load
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
