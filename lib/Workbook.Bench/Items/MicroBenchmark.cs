using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Workbook.Bench.Items;

/// <summary>
/// Runs one BenchmarkDotNet benchmark class in this process and returns its median, so a
/// micro-measurement can be one contender of an interleaved round like any other.
/// </summary>
/// <remarks>One run at a time (BenchmarkDotNet is not re-entrant). Prints nothing; writes its artifacts under the given folder.</remarks>
internal static class MicroBenchmark
{
    /// <summary>Runs <typeparamref name="T"/>'s single benchmark and returns its median time per call, in microseconds.</summary>
    /// <typeparam name="T">A class with one [Benchmark] method.</typeparam>
    /// <param name="artifacts">Where BenchmarkDotNet may write.</param>
    /// <param name="quick">A short job for smoke runs.</param>
    /// <returns>The median, µs per call.</returns>
    public static double MedianMicroseconds<T>(string artifacts, bool quick)
    {
        Job job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 1 : 3)
            .WithIterationCount(quick ? 3 : 10)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 50 : 150))
            .WithId(quick ? "quick" : "bench");
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(NullLogger.Instance)
            .WithOption(ConfigOptions.DisableLogFile, true)
            .WithArtifactsPath(artifacts);
        Summary summary = BenchmarkRunner.Run<T>(config);
        BenchmarkReport? report = summary.Reports.FirstOrDefault();
        if (report?.ResultStatistics is not { } statistics)
        {
            string errors = string.Join("; ", summary.ValidationErrors.Select(e => e.Message));
            throw new InvalidOperationException($"BenchmarkDotNet produced no result for {typeof(T).Name}{(errors.Length > 0 ? ": " + errors : "")}.");
        }

        return statistics.Median / 1000.0;
    }
}
