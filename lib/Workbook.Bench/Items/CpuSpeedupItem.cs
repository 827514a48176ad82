using System.Globalization;
using Workbook.Benchmarking;
using Workbook.Threads;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 1: the threads chapter's CPU-bound workload (<see cref="PrimeCounting"/>) on one thread
/// per core against the same count done sequentially, next to the machine's own ceiling.
/// </summary>
internal sealed class CpuSpeedupItem : IBenchItem
{
    private const string Sequential = "sequential";

    private static readonly int Cores = Environment.ProcessorCount;

    private static readonly BenchSpec Spec = new(
        "1", 1, $"CPU-bound speedup: primes on {Cores} threads vs sequential",
        "sequential time ÷ parallel time",
        BenchTarget.AtLeast(0.95 * Cores, string.Create(CultureInfo.InvariantCulture, $"0.95 × {Cores} cores")));

    private static string Parallel => $"{Cores} threads";

    /// <inheritdoc />
    public int Number => 1;

    /// <inheritdoc />
    public string Title => "CPU-bound parallel speedup (threads chapter)";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Spec];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int limit = context.Quick ? 1_000_000 : 3_000_000;
        int expected = PrimeCounting.CountSequential(limit);
        RoundSamples samples = await context.MeasureAsync(
        [
            Contender.Timed(Sequential, () => Check(PrimeCounting.CountSequential(limit), expected)),
            Contender.Timed(Parallel, () => Check(PrimeCounting.CountParallel(limit, Cores), expected)),
            .. MachineCeiling.Contenders(context.Quick ? 50_000_000 : 200_000_000),
        ], cancellationToken).ConfigureAwait(false);

        double speedup = samples.RatioOfMedians(v => v(Sequential) / v(Parallel));
        double ceiling = samples.RatioOfMedians(MachineCeiling.Ceiling);
        string notes = string.Create(CultureInfo.InvariantCulture,
            $"primes below {limit:N0}; the machine's own ceiling (spin loop, 1 vs {Cores} threads, same rounds) is {BenchFormat.Ratio(ceiling)}, "
            + $"so the workbook reaches {speedup / ceiling:P0} of what this machine allows; sequential median {samples.Contenders[0].Median:0.00} s");
        return [Spec.Judge(samples, v => v(Sequential) / v(Parallel), notes,
            [new BenchMetric("machine ceiling (spin loop)", ceiling, "×"), new BenchMetric("speedup ÷ machine ceiling", speedup / ceiling, "")])];
    }

    private static void Check(int counted, int expected)
    {
        if (counted != expected)
        {
            throw new InvalidOperationException($"The prime count came out {counted}, not {expected}: the parallel count lost or doubled work.");
        }
    }
}
