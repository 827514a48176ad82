using System.Diagnostics;
using Workbook.Bench.Children;
using Workbook.Bench.Infrastructure;
using Workbook.Bench.Items;
using Workbook.Benchmarking;

namespace Workbook.Bench;

/// <summary>
/// The benchmark command (issue #9): <c>dotnet run -c Release --project lib/Workbook.Bench -- [options]</c>.
/// Measures the workbook's own code side by side with its peers and the machine's limits, in one
/// run, and writes the ratios with their targets to <c>out/bench/results.json</c> and a table.
/// </summary>
internal static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">The options (see <see cref="BenchOptions.Usage"/>), or a child mode.</param>
    /// <returns>0 when every selected item ran (targets met or not), 1 when a measurement failed, 2 for bad options.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildModes.Flag)
        {
            return await ChildModes.RunAsync(args).ConfigureAwait(false);
        }

        BenchOptions options;
        IReadOnlyList<IBenchItem> items = BenchItems.All();
        try
        {
            options = BenchOptions.Parse(args);
            BenchSuite.Select(items, options);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine($"error: {error.Message.Split(" (Parameter", 2)[0]}");
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        if (options.Record && NotJudgedReason(options) is { } reason)
        {
            // data/bench/ feeds the tuning chapter's charts: only a judged run may replace it.
            Console.Error.WriteLine($"error: --record needs a judged run, and this would be {reason}.");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Cancel cleanly so child processes and servers are stopped before we exit.
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            return await RunAsync(options, items, args, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; nothing was written.");
            return 130;
        }
    }

    private static async Task<int> RunAsync(BenchOptions options, IReadOnlyList<IBenchItem> items, string[] args, CancellationToken cancellationToken)
    {
        string root = RepositoryRoot.Find();
        string output = Path.GetFullPath(Path.Combine(root, options.OutputDirectory));
        Directory.CreateDirectory(output);
        string? notJudged = NotJudgedReason(options);

        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        long started = Stopwatch.GetTimestamp();
        BenchMachine machine = await MachineProbe.DescribeAsync(PathToolLocator.Instance).ConfigureAwait(false);
        Console.WriteLine($"Concurrency Workbook benchmark: {BenchSuite.Select(items, options).Count} item(s), {options.Rounds} round(s), {machine}");
        Console.WriteLine(notJudged is null ? "A judged run." : $"Not a judged run: {notJudged}.");

        var context = new BenchContext
        {
            Rounds = options.Rounds,
            Quick = options.Quick,
            RepositoryRoot = root,
            OutputDirectory = output,
            Log = Console.Out,
        };
        IReadOnlyList<BenchMeasurement> rows = await BenchSuite.RunAsync(items, options, context, cancellationToken).ConfigureAwait(false);

        var results = new BenchResults
        {
            StartedAt = startedAt,
            TotalSeconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1),
            Command = "dotnet run -c Release --project lib/Workbook.Bench --" + string.Concat(args.Select(a => " " + a)),
            Rounds = options.Rounds,
            Quick = options.Quick,
            Judged = notJudged is null,
            Machine = machine with { LoadAverageAfter = MachineProbe.LoadAverage() },
            Measurements = rows,
        };

        Console.WriteLine();
        Console.Write(BenchTable.Format(results));
        Write(results, output);
        Console.WriteLine($"Results: {Path.Combine(output, "results.json")}");
        if (options.Record)
        {
            string recorded = Path.Combine(root, BenchOptions.RecordFolder);
            Write(results, recorded);
            Console.WriteLine($"Recorded: {Path.Combine(recorded, "results.json")}");
        }

        return rows.Any(r => r.Status == BenchStatus.Failed) ? 1 : 0;
    }

    private static string? NotJudgedReason(BenchOptions options) =>
        options.NotJudgedReason ?? (MachineProbe.Configuration == "Release" ? null : "a Debug build (run with -c Release)");

    private static void Write(BenchResults results, string folder)
    {
        results.Save(Path.Combine(folder, "results.json"));
        File.WriteAllText(Path.Combine(folder, "results.txt"), BenchTable.Format(results));
        File.WriteAllText(Path.Combine(folder, "results.md"), BenchTable.Markdown(results.Measurements));
    }
}
