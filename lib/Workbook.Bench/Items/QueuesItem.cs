using System.Globalization;
using Workbook.Benchmarking;
using Workbook.Queues;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 4: the queues chapter's <see cref="Pipeline"/> against the same stages on bare channels,
/// and the chapter's <see cref="HandOff"/> comparison of <c>Channel</c> with <c>BlockingCollection</c>.
/// </summary>
internal sealed class QueuesItem : IBenchItem
{
    private const string Ours = "workbook Pipeline";
    private const string Bare = "bare Channels";
    private const string Channel = "Channel";
    private const string Blocking = "BlockingCollection";
    private const int Capacity = 16;

    private static readonly Func<long, long>[] Work = [x => x + 1, x => x * 2, x => x - 1];

    private static readonly BenchSpec PipelineSpec = new(
        "4a", 4, "Queues: workbook pipeline vs bare Channels, 3 stages", "pipeline throughput ÷ bare-channel throughput", BenchTarget.AtLeast(0.9));

    private static readonly BenchSpec HandOffSpec = new(
        "4b", 4, "Queues: Channel vs BlockingCollection hand-off", "Channel items/s ÷ BlockingCollection items/s");

    /// <inheritdoc />
    public int Number => 4;

    /// <inheritdoc />
    public string Title => "Queues: pipeline vs bare Channel; Channel vs BlockingCollection";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [PipelineSpec, HandOffSpec];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int items = context.Quick ? 50_000 : 300_000;
        long expectedSum = ExpectedSum(items);
        var builder = Pipeline.Create<long>()
            .Then("add", Work[0], capacity: Capacity)
            .Then("double", Work[1], capacity: Capacity)
            .Then("subtract", Work[2], capacity: Capacity);

        RoundSamples samples = await context.MeasureAsync(
        [
            Contender.TimedAsync(Ours, async token =>
            {
                var result = await builder.RunAsync(Range(items), cancellationToken: token).ConfigureAwait(false);
                Verify(Ours, result.Outputs, items, expectedSum);
            }),
            Contender.TimedAsync(Bare, async _ => Verify(Bare, await BareChannelPipeline.RunAsync(items, Work, Capacity).ConfigureAwait(false), items, expectedSum)),
        ], cancellationToken).ConfigureAwait(false);

        BenchMeasurement pipeline = PipelineSpec.Judge(samples, v => v(Bare) / v(Ours), string.Create(CultureInfo.InvariantCulture,
            $"{items:N0} items through 3 trivial stages (capacity {Capacity}, one worker each), so the hand-offs dominate; the pipeline adds per-stage counters "
            + $"and a depth sampler; {BenchFormat.Number(items / samples.Contenders[0].Median)} items/s"));
        return [pipeline, await HandOffAsync(context, cancellationToken).ConfigureAwait(false)];
    }

    private static async Task<BenchMeasurement> HandOffAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int items = context.Quick ? 200_000 : 1_000_000;
        var channel = new List<double>();
        var blocking = new List<double>();
        for (int round = 0; round < context.Rounds; round++)
        {
            // HandOff warms both queues up, then times BlockingCollection and Channel one after the other.
            HandOffReport report = await HandOff.CompareAsync(items, rounds: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            channel.Add(report.ChannelPerSecond);
            blocking.Add(report.BlockingCollectionPerSecond);
            context.Log.WriteLine($"    round {round + 1}: {report}");
        }

        ContenderResult[] contenders = [ContenderResult.FromSamples(Channel, "items/s", channel), ContenderResult.FromSamples(Blocking, "items/s", blocking)];
        return HandOffSpec.Judge(
            contenders,
            contenders[0].Median / contenders[1].Median,
            [.. channel.Zip(blocking, (c, b) => c / b)],
            string.Create(CultureInfo.InvariantCulture,
                $"{items:N0} ints, one producer and one consumer, capacity 1,024 (the chapter's HandOff); BlockingCollection blocks two threads, Channel awaits"));
    }

    private static IEnumerable<long> Range(int items)
    {
        for (long i = 1; i <= items; i++)
        {
            yield return i;
        }
    }

    private static long ExpectedSum(int items)
    {
        long sum = 0;
        for (long i = 1; i <= items; i++)
        {
            sum += Work.Aggregate(i, (x, f) => f(x));
        }

        return sum;
    }

    private static void Verify(string who, IReadOnlyList<long> outputs, int items, long expectedSum)
    {
        if (outputs.Count != items || outputs.Sum() != expectedSum)
        {
            throw new InvalidOperationException($"{who} delivered {outputs.Count} of {items} items (checksum {outputs.Sum()} instead of {expectedSum}).");
        }
    }
}
