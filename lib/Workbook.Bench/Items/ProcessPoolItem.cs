using System.Globalization;
using Workbook.Benchmarking;
using Workbook.Processes;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 8: the processes chapter's <see cref="ProcessPool"/>: a work item's round-trip overhead
/// through a worker process against an in-process thread-pool item (BenchmarkDotNet, in-process),
/// and the CPU-bound speedup of 2 worker processes over 1, next to the machine's own ceiling.
/// </summary>
internal sealed class ProcessPoolItem : IBenchItem
{
    private const string ThroughProcess = "worker process round trip";
    private const string OnThreadPool = "thread-pool item round trip";
    private const string OneWorker = "1 worker process";
    private const string TwoWorkers = "2 worker processes";

    private static readonly BenchSpec Overhead = new(
        "8a", 8, "Process pool: item round trip vs a thread-pool item", "worker-process round trip ÷ thread-pool round trip");

    private static readonly BenchSpec Speedup = new(
        "8b", 8, "Process pool: CPU-bound speedup, 2 worker processes vs 1", "time on 1 worker ÷ time on 2 workers", BenchTarget.AtLeast(1.8));

    /// <inheritdoc />
    public int Number => 8;

    /// <inheritdoc />
    public string Title => "Process pool: round-trip overhead and 2-process speedup";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Overhead, Speedup];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using ProcessPool one = await ProcessPool.StartAsync(1, cancellationToken).ConfigureAwait(false);
        await using ProcessPool two = await ProcessPool.StartAsync(2, cancellationToken).ConfigureAwait(false);
        return [await OverheadAsync(context, one, cancellationToken).ConfigureAwait(false), await SpeedupAsync(context, one, two, cancellationToken).ConfigureAwait(false)];
    }

    private static async Task<BenchMeasurement> OverheadAsync(BenchContext context, ProcessPool pool, CancellationToken cancellationToken)
    {
        string artifacts = Path.Combine(context.OutputDirectory, "benchmarkdotnet");
        ProcessPoolRoundTrip.Pool = pool;
        try
        {
            // BenchmarkDotNet warms each benchmark up itself, so the rounds need no extra warm-up.
            RoundSamples samples = await context.MeasureAsync(
                [
                    new Contender(ThroughProcess, "µs", _ => ValueTask.FromResult(MicroBenchmark.MedianMicroseconds<ProcessPoolRoundTrip>(artifacts, context.Quick))),
                    new Contender(OnThreadPool, "µs", _ => ValueTask.FromResult(MicroBenchmark.MedianMicroseconds<ThreadPoolRoundTrip>(artifacts, context.Quick))),
                ],
                cancellationToken,
                warmUp: false).ConfigureAwait(false);
            return Overhead.Judge(samples, v => v(ThroughProcess) / v(OnThreadPool), string.Create(CultureInfo.InvariantCulture,
                $"BenchmarkDotNet (in-process) median per round: an echo item through a warm worker's stdin/stdout (Nerdbank.Streams) takes "
                + $"{BenchFormat.Number(samples.Contenders[0].Median)} µs, a thread-pool item {BenchFormat.Number(samples.Contenders[1].Median)} µs"),
                [new BenchMetric("worker-process round trip", samples.Contenders[0].Median, "µs"), new BenchMetric("thread-pool round trip", samples.Contenders[1].Median, "µs")]);
        }
        finally
        {
            ProcessPoolRoundTrip.Pool = null;
        }
    }

    private static async Task<BenchMeasurement> SpeedupAsync(BenchContext context, ProcessPool one, ProcessPool two, CancellationToken cancellationToken)
    {
        long limit = context.Quick ? 1_000_000 : 3_000_000;
        // Many small chunks handed out on demand, so the two workers finish together even though
        // large numbers cost more to test than small ones.
        IReadOnlyList<WorkItem> items = WorkItem.CountPrimesInChunks(0, limit, 32);
        long expected = -1;
        Contender Run(string name, ProcessPool pool) => Contender.TimedAsync(name, async token =>
        {
            long total = (await pool.RunAllAsync(items, token).ConfigureAwait(false)).Sum(r => r.Value);
            expected = expected < 0 ? total : expected;
            if (total != expected)
            {
                throw new InvalidOperationException($"{name} counted {total} primes, another run {expected}.");
            }
        });

        RoundSamples samples = await context.MeasureAsync(
            [Run(OneWorker, one), Run(TwoWorkers, two), .. MachineCeiling.Contenders(context.Quick ? 50_000_000 : 200_000_000)],
            cancellationToken).ConfigureAwait(false);
        double speedup = samples.RatioOfMedians(v => v(OneWorker) / v(TwoWorkers));
        double ceiling = samples.RatioOfMedians(MachineCeiling.Ceiling);
        return Speedup.Judge(samples, v => v(OneWorker) / v(TwoWorkers), string.Create(CultureInfo.InvariantCulture,
            $"primes below {limit:N0} in 32 items on warm pools; the machine's own ceiling (spin loop, 1 vs {Environment.ProcessorCount} threads, same rounds) "
            + $"is {BenchFormat.Ratio(ceiling)}, so the pool reaches {speedup / ceiling:P0} of what this machine allows"),
            [new BenchMetric("machine ceiling (spin loop)", ceiling, "×"), new BenchMetric("speedup ÷ machine ceiling", speedup / ceiling, "")]);
    }
}
