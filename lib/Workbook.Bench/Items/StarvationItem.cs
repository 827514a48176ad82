using System.Globalization;
using System.Text.Json;
using Workbook.Async;
using Workbook.Bench.Children;
using Workbook.Bench.Infrastructure;
using Workbook.Benchmarking;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 3: the async chapter's thread-pool starvation demo (<see cref="StarvationDemo"/>): the
/// blocking (sync over async) version against the ideal time of one request's I/O, and each fix
/// (async all the way; a raised pool minimum) against the same ideal. Every run happens in a fresh
/// child process, because a pool that grew in one run would hide the starvation in the next.
/// </summary>
internal sealed class StarvationItem : IBenchItem
{
    private const string Blocking = "sync over async (blocking)";
    private const string Async = "fix: async all the way";
    private const string Raised = "fix: raised pool minimum";

    private static readonly BenchSpec BlockingSpec = new(
        "3a", 3, "Starvation: blocking requests vs the ideal time", "blocking run's wall time ÷ one request's I/O (the ideal)", BenchTarget.AtLeast(10));

    private static readonly BenchSpec AsyncSpec = new(
        "3b", 3, "Starvation fix: async all the way vs the ideal time", "wall time ÷ one request's I/O", BenchTarget.AtMost(1.2));

    private static readonly BenchSpec RaisedSpec = new(
        "3c", 3, "Starvation fix: raised pool minimum vs the ideal time", "wall time ÷ one request's I/O", BenchTarget.AtMost(1.2));

    /// <inheritdoc />
    public int Number => 3;

    /// <inheritdoc />
    public string Title => "Thread-pool starvation: blocking vs the fixes";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [BlockingSpec, AsyncSpec, RaisedSpec];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int requests = context.Quick ? 40 : StarvationDemo.SuggestedRequests;
        int raisedMinimum = requests + Environment.ProcessorCount;
        var runs = new Dictionary<string, List<StarvationChildResult>> { [Blocking] = [], [Async] = [], [Raised] = [] };
        Contender Child(string name, RequestStyle style, int minimum) => new(name, "× ideal", async token =>
        {
            StarvationChildResult run = await RunChildAsync(style, requests, minimum, token).ConfigureAwait(false);
            runs[name].Add(run);
            return run.ElapsedSeconds / run.IoSeconds;
        });

        // No warm-up: each sample is a fresh process, which is exactly the state being measured.
        RoundSamples samples = await context.MeasureAsync(
            [Child(Blocking, RequestStyle.SyncOverAsync, 0), Child(Async, RequestStyle.Async, 0), Child(Raised, RequestStyle.SyncOverAsync, raisedMinimum)],
            cancellationToken,
            warmUp: false).ConfigureAwait(false);

        StarvationChildResult typical = runs[Blocking][0];
        string common = string.Create(CultureInfo.InvariantCulture, $"{requests} requests of {typical.IoSeconds * 1000:0} ms I/O, each run in a fresh process");
        return
        [
            BlockingSpec.Judge(samples, v => v(Blocking), string.Create(CultureInfo.InvariantCulture,
                $"{common}; the pool crept up to {Median(runs[Blocking], r => r.PeakThreads)} threads (minimum {typical.MinWorkerThreads}) while the requests waited; "
                + $"{runs[Blocking].Count(r => r.GaveUp)} run(s) hit the time limit")),
            AsyncSpec.Judge(samples, v => v(Async), $"{common}; peak {Median(runs[Async], r => r.PeakThreads)} pool threads"),
            RaisedSpec.Judge(samples, v => v(Raised), string.Create(CultureInfo.InvariantCulture,
                $"{common}; SetMinThreads({raisedMinimum}) before the run (a stopgap: it covers this load only); peak {Median(runs[Raised], r => r.PeakThreads)} pool threads")),
        ];
    }

    private static async Task<StarvationChildResult> RunChildAsync(RequestStyle style, int requests, int minimum, CancellationToken cancellationToken)
    {
        CommandResult result = (await SelfLauncher.RunAsync(
            [ChildModes.Flag, "starvation", style.ToString(), requests.ToString(CultureInfo.InvariantCulture), minimum.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(3),
            cancellationToken).ConfigureAwait(false)).EnsureSuccess("the starvation child");
        string line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        StarvationChildResult run = JsonSerializer.Deserialize<StarvationChildResult>(line, StarvationChildResult.Json)
            ?? throw new InvalidOperationException($"The starvation child printed no result: {result.Output}");
        // A run that hit its time limit still bounds the ratio from below; any other shortfall is a bug.
        if (run.Completed != run.Requests && !run.GaveUp)
        {
            throw new InvalidOperationException($"The starvation child completed {run.Completed} of {run.Requests} requests without hitting its time limit.");
        }

        return run;
    }

    private static int Median(List<StarvationChildResult> runs, Func<StarvationChildResult, int> value) =>
        (int)Math.Round(RoundMath.Median([.. runs.Select(r => (double)value(r))]));
}
