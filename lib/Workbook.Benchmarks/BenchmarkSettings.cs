using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;

namespace Workbook.Benchmarks;

/// <summary>
/// The configuration every run uses: the memory diagnoser and a brief JSON export (which the
/// notebook's parser reads) besides the default CSV, HTML and Markdown exports.
/// </summary>
public static class BenchmarkSettings
{
    /// <summary>The command-line switch that runs the benchmarks inside this process.</summary>
    /// <remarks>
    /// BenchmarkDotNet's default toolchain builds a generated copy of the project with its own
    /// output folders, which breaks the workbook's shared artifacts layout (the library copies the
    /// worker process's files from a fixed path). In-process runs cost some isolation between
    /// benchmarks; the notebook compares them as ratios anyway.
    /// </remarks>
    public const string InProcessSwitch = "--inProcess";

    /// <summary>The default configuration plus allocations per operation and the brief JSON export.</summary>
    /// <returns>The configuration; command-line options such as <c>--job short</c> apply on top of it.</returns>
    public static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(JsonExporter.Brief);

    /// <summary>The arguments with <see cref="InProcessSwitch"/> added when missing.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The arguments to hand to BenchmarkDotNet.</returns>
    public static string[] WithInProcess(string[] args) =>
        args.Contains(InProcessSwitch, StringComparer.OrdinalIgnoreCase) ? args : [.. args, InProcessSwitch];
}
