using System.Globalization;
using Workbook.Async;
using Workbook.Benchmarking;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 2: the async chapter's fan-out (<see cref="FanOut.TasksAsync"/>): 10,000 and 100,000
/// concurrent 100 ms waits against a single wait timed in the same rounds, and the memory each
/// pending task holds.
/// </summary>
internal sealed class FanOutItem : IBenchItem
{
    private const string One = "1 wait";
    private const string TenThousand = "10,000 waits";
    private const string HundredThousand = "100,000 waits";

    private static readonly BenchSpec Small = new(
        "2a", 2, "Async fan-out: 10,000 concurrent 100 ms waits vs one wait", "fan-out wall time ÷ one wait's wall time", BenchTarget.AtMost(1.2));

    private static readonly BenchSpec Large = new(
        "2b", 2, "Async fan-out: 100,000 concurrent 100 ms waits vs one wait", "fan-out wall time ÷ one wait's wall time", BenchTarget.AtMost(1.4));

    /// <inheritdoc />
    public int Number => 2;

    /// <inheritdoc />
    public string Title => "Async fan-out: 10,000 and 100,000 concurrent waits";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Small, Large];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, List<FanOutResult>>();
        Contender Waits(string name, int operations)
        {
            last[name] = [];
            return new Contender(name, "s", async token =>
            {
                FanOutResult result = await FanOut.TasksAsync(operations, cancellationToken: token).ConfigureAwait(false);
                last[name].Add(result);
                return result.Elapsed.TotalSeconds;
            });
        }

        RoundSamples samples = await context.MeasureAsync(
            [Waits(One, 1), Waits(TenThousand, 10_000), Waits(HundredThousand, 100_000)], cancellationToken).ConfigureAwait(false);

        return
        [
            Row(Small, samples, TenThousand, last[TenThousand]),
            Row(Large, samples, HundredThousand, last[HundredThousand]),
        ];
    }

    private static BenchMeasurement Row(BenchSpec spec, RoundSamples samples, string name, List<FanOutResult> results)
    {
        // The first result is the warm-up call's; the measured rounds follow it.
        var measured = results.Skip(1).ToList();
        double bytes = RoundMath.Median([.. measured.Select(r => r.BytesPerPending)]);
        double setup = RoundMath.Median([.. measured.Select(r => r.Setup.TotalMilliseconds)]);
        double nominal = RoundMath.Median([.. measured.Select(r => r.RelativeToOneWait)]);
        double oneWait = samples.Contenders[0].Median * 1000;
        string notes = string.Create(CultureInfo.InvariantCulture,
            $"{BenchFormat.Number(bytes)} B allocated per pending task; one wait measured {oneWait:0} ms (timer granularity); "
            + $"{BenchFormat.Ratio(nominal)} of the nominal 100 ms; creating the tasks took {setup:0} ms");
        return spec.Judge(samples, v => v(name) / v(One), notes,
        [
            new BenchMetric("bytes allocated per pending task", bytes, "B"),
            new BenchMetric("wall time ÷ nominal 100 ms", nominal, "×"),
            new BenchMetric("setup time", setup, "ms"),
        ]);
    }
}
