using BenchmarkDotNet.Running;

namespace Workbook.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher, so the command line picks the benchmarks
/// (<c>--filter '*'</c>), the job (<c>--job short</c>) and the exporters.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select.</summary>
    /// <param name="args">BenchmarkDotNet command-line arguments, e.g. <c>--filter '*' --job short</c>.</param>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(BenchmarkSettings.WithInProcess(args), BenchmarkSettings.Create());
}
