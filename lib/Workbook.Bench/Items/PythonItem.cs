using System.Globalization;
using Workbook.Bench.Infrastructure;
using Workbook.Benchmarking;
using Workbook.SideBySide;
using Workbook.Threads;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 9: C# against CPython on the same workloads, side by side in one run. The CPU-bound
/// comparison runs <c>data/python/threads_cpu.py</c> (the threads chapter's prime count, written
/// in Python) against <see cref="PrimeCounting"/>. The fan-out and generator comparisons run the
/// appendix's workloads (chapter 10: <c>data/python/side_by_side.py</c> and its C# halves) once per round.
/// </summary>
internal sealed class PythonItem : IBenchItem
{
    /// <summary>The CPU-bound script, relative to the repository root.</summary>
    public const string CpuScript = "data/python/threads_cpu.py";

    private const string Python = "CPython sequential";
    private const string Sequential = "C# sequential";
    private const string TwoThreads = "C# 2 threads";
    private const string DotnetSpeedup = ".NET 2-thread speedup";
    private const string PythonThreads = "CPython 2-thread speedup";
    private const string PythonProcesses = "CPython 2-process speedup";

    private static readonly BenchSpec SingleCore = new(
        "9a", 9, "Python side by side: CPU-bound on one core, CPython vs C#", "CPython time ÷ C# time");

    private static readonly BenchSpec Threads = new(
        "9b", 9, "Python side by side: 2-thread speedup, .NET vs CPython", ".NET threads' speedup ÷ CPython threads' speedup");

    private static readonly BenchSpec Processes = new(
        "9c", 9, "Python side by side: .NET threads vs CPython processes (speedup)", ".NET threads' speedup ÷ CPython processes' speedup");

    private static readonly BenchSpec FanOut = new(
        "9d", 9, "Python side by side: async fan-out, C# vs asyncio", "asyncio's (all waits ÷ one wait) ÷ C#'s (all waits ÷ one wait)");

    private static readonly BenchSpec Generators = new(
        "9e", 9, "Python side by side: generator pipeline, C# vs CPython", "CPython time per generated item ÷ C# time per iterated item");

    /// <inheritdoc />
    public int Number => 9;

    /// <inheritdoc />
    public string Title => "Python side by side (CPython vs C#)";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [SingleCore, Threads, Processes, FanOut, Generators];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [new("python3", "apt-get install python3")];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        BenchMeasurement[] later =
        [
            await AppendixAsync(FanOut, Technique.Async, context, cancellationToken).ConfigureAwait(false),
            await AppendixAsync(Generators, Technique.Generators, context, cancellationToken).ConfigureAwait(false),
        ];
        string script = Path.Combine(context.RepositoryRoot, CpuScript);
        if (!File.Exists(script))
        {
            string reason = $"pending: {CpuScript} is not in this checkout";
            return [SingleCore.Pending(reason), Threads.Pending(reason), Processes.Pending(reason), .. later];
        }

        string python = context.Tools.Find("python3") ?? throw new InvalidOperationException("python3 disappeared from the PATH.");
        int limit = context.Quick ? 100_000 : 500_000;
        // C# counts the same range many times per sample and reports the time of one count: a single
        // count takes milliseconds, too short to time against thread start-up and timer resolution.
        int repeats = context.Quick ? 40 : 15;
        int primes = PrimeCounting.CountSequential(limit);
        var pythonThreads = new List<double>();
        var pythonProcesses = new List<double>();
        string scratch = Path.Combine(context.OutputDirectory, "threads_cpu.json");

        // C# is warmed up by hand; CPython has no JIT to warm, and one script run costs seconds.
        PrimeCounting.CountParallel(Math.Min(limit, 50_000), 2);
        RoundSamples measured = await context.MeasureAsync(
            [
                new Contender(Python, "s", async token =>
                {
                    CPythonRecording run = await RunScriptAsync(python, script, limit, scratch, context.RepositoryRoot, token).ConfigureAwait(false);
                    if (run.Primes != primes)
                    {
                        throw new InvalidOperationException($"CPython counted {run.Primes} primes below {limit}, C# {primes}: the workloads differ.");
                    }

                    pythonThreads.Add(run.Threads.Single(r => r.Workers == 2).Speedup);
                    pythonProcesses.Add(run.Processes.Single(r => r.Workers == 2).Speedup);
                    return run.Sequential.Seconds;
                }),
                PerCount(Sequential, repeats, () => PrimeCounting.CountSequential(limit)),
                PerCount(TwoThreads, repeats, () => PrimeCounting.CountParallel(limit, 2)),
            ],
            cancellationToken,
            warmUp: false).ConfigureAwait(false);

        IReadOnlyList<double> dotnet = measured.RatioPerRound(v => v(Sequential) / v(TwoThreads));
        var speedups = new RoundSamples(
            [
                ContenderResult.FromSamples(DotnetSpeedup, "×", dotnet),
                ContenderResult.FromSamples(PythonThreads, "×", pythonThreads),
                ContenderResult.FromSamples(PythonProcesses, "×", pythonProcesses),
            ],
            []);
        string workload = string.Create(CultureInfo.InvariantCulture,
            $"primes below {limit:N0}, the same trial division in both languages (C# timed over {repeats} counts per sample)");
        string version = await ExternalCommand.VersionAsync(python, "--version").ConfigureAwait(false) ?? "python3";
        return
        [
            SingleCore.Judge(measured, v => v(Python) / v(Sequential), $"{workload}; {version} interprets bytecode, C# runs JIT-compiled machine code"),
            Threads.Judge(speedups, v => v(DotnetSpeedup) / v(PythonThreads), string.Create(CultureInfo.InvariantCulture,
                $"{workload}; CPython threads {BenchFormat.Ratio(speedups.Contenders[1].Median)} (the GIL lets one thread run Python at a time), .NET threads {BenchFormat.Ratio(speedups.Contenders[0].Median)}")),
            Processes.Judge(speedups, v => v(DotnetSpeedup) / v(PythonProcesses), string.Create(CultureInfo.InvariantCulture,
                $"{workload}; CPython needs processes to use both cores ({BenchFormat.Ratio(speedups.Contenders[2].Median)}); .NET gets it with plain threads")),
            .. later,
        ];
    }

    /// <summary>
    /// One of the appendix's comparisons (chapter 10, <see cref="PythonVsCSharp"/>), run once per round:
    /// each run times CPython first, alone, then C#, so the two alternate round after round; the ratio
    /// is CPython's headline figure over C#'s (both "lower is better").
    /// </summary>
    private static async Task<BenchMeasurement> AppendixAsync(BenchSpec spec, Technique technique, BenchContext context, CancellationToken cancellationToken)
    {
        var options = new SideBySideOptions
        {
            Size = context.Quick ? WorkloadSize.Small : WorkloadSize.Standard,
            WhenPythonMissing = PythonFallback.Throw,
        };
        var python = new List<double>();
        var csharp = new List<double>();
        string figure = "", unit = "";
        for (int round = 0; round < context.Rounds; round++)
        {
            Comparison run = await PythonVsCSharp.RunAsync(technique, options, cancellationToken).ConfigureAwait(false);
            if (!run.SameResult)
            {
                throw new InvalidOperationException($"CPython and C# computed different results for {technique}: {run}");
            }

            Figure headline = technique == Technique.Generators ? run.Figure("time per item, generator/iterator") : run.Headline;
            (figure, unit) = (headline.Name, headline.Unit);
            python.Add(headline.Python);
            csharp.Add(headline.CSharp);
            context.Log.WriteLine($"    round {round + 1}: {figure}: CPython {BenchFormat.WithUnit(headline.Python, unit)}, C# {BenchFormat.WithUnit(headline.CSharp, unit)}");
        }

        var samples = new RoundSamples(
            [ContenderResult.FromSamples("CPython", unit, python), ContenderResult.FromSamples("C#", unit, csharp)], []);
        return spec.Judge(samples, v => v("CPython") / v("C#"), string.Create(CultureInfo.InvariantCulture,
            $"the appendix's {technique} workload (chapter 10, data/python/side_by_side.py), {figure}: CPython {BenchFormat.WithUnit(samples.Contenders[0].Median, unit)}, C# {BenchFormat.WithUnit(samples.Contenders[1].Median, unit)} (medians of {context.Rounds} runs)"));
    }

    private static Contender PerCount(string name, int repeats, Func<int> count) => new(name, "s", _ =>
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < repeats; i++)
        {
            count();
        }

        return ValueTask.FromResult(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds / repeats);
    });

    private static async Task<CPythonRecording> RunScriptAsync(string python, string script, int limit, string scratch, string root, CancellationToken cancellationToken)
    {
        CommandResult result = (await ExternalCommand.RunAsync(
            python,
            [script, "--limit", limit.ToString(CultureInfo.InvariantCulture), "--max-workers", "2", "--repeats", "1"],
            root,
            TimeSpan.FromMinutes(5),
            cancellationToken).ConfigureAwait(false)).EnsureSuccess(CpuScript);
        Directory.CreateDirectory(Path.GetDirectoryName(scratch)!);
        await File.WriteAllTextAsync(scratch, result.Output, cancellationToken).ConfigureAwait(false);
        return CPythonRecording.Load(scratch);
    }
}
