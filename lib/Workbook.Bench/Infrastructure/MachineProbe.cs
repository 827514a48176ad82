using System.Globalization;
using System.Runtime.InteropServices;
using Workbook.Benchmarking;

namespace Workbook.Bench.Infrastructure;

/// <summary>Describes the machine and build a run is taken on.</summary>
internal static class MachineProbe
{
    /// <summary>The tools whose versions go into the results: name and the argument that prints the version.</summary>
    private static readonly (string Name, string Argument)[] VersionedTools = [("wrk", "--version"), ("python3", "--version")];

    /// <summary>The build configuration of this program.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The machine now, with the load average before the run.</summary>
    /// <param name="tools">Finds the external tools.</param>
    /// <returns>The description (LoadAverageAfter still null).</returns>
    public static async Task<BenchMachine> DescribeAsync(IToolLocator tools)
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, argument) in VersionedTools)
        {
            if (tools.Find(name) is { } path && await ExternalCommand.VersionAsync(path, argument).ConfigureAwait(false) is { } version)
            {
                versions[name] = version;
            }
        }

        return new BenchMachine(
            RuntimeInformation.OSDescription,
            CpuModel(),
            Environment.ProcessorCount,
            RuntimeInformation.FrameworkDescription,
            Configuration,
            LoadAverage(),
            null,
            versions);
    }

    /// <summary>The 1-minute load average, or null where the OS has none.</summary>
    /// <returns>The load average.</returns>
    public static double? LoadAverage()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string CpuModel()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.OrdinalIgnoreCase));
            if (line is not null)
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not Linux: fall back to the architecture below.
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
