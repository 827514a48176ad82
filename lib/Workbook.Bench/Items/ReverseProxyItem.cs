using System.Globalization;
using Workbook.Balancing.Farm;
using Workbook.Benchmarking;
using Workbook.Networking;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 6: the workbook's reverse proxy (<see cref="LoadBalancingProxy"/>) against YARP
/// (<see cref="YarpFarmProxy"/>) in front of the same loopback farm, driven by the same
/// <see cref="LoadGenerator"/> in alternating rounds: (6a) throughput with the same policy on a
/// farm of three equal backends; (6b) p99 with one backend of three slow, our latency-aware policy
/// (peak EWMA) against YARP's PowerOfTwoChoices.
/// </summary>
/// <remarks>
/// Both proxies, the farm and the client share this process and its cores, so 6a compares what each
/// proxy costs per request more than any absolute capacity. Each contender sends its requests through
/// its own proxy instance, which is started once and reused for every round.
/// </remarks>
internal sealed class ReverseProxyItem : IBenchItem
{
    private const int Connections = 16;
    private const string OursRoundRobin = "ours round-robin";
    private const string YarpRoundRobin = "YARP RoundRobin";
    private const string OursLatencyAware = "ours peak-ewma";
    private const string YarpTwoChoices = "YARP PowerOfTwoChoices";

    private static readonly BenchSpec Throughput = new(
        "6a", 6, "Reverse proxy vs YARP: throughput, same policy", "our proxy's requests/s ÷ YARP's requests/s", BenchTarget.AtLeast(1.0));

    private static readonly BenchSpec Tail = new(
        "6b", 6, "Reverse proxy vs YARP: p99 with one slow backend of three", "our latency-aware p99 ÷ YARP PowerOfTwoChoices p99", BenchTarget.AtMost(0.5));

    /// <inheritdoc />
    public int Number => 6;

    /// <inheritdoc />
    public string Title => "Reverse proxy vs YARP on the loopback farm";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Throughput, Tail];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        TimeSpan duration = TimeSpan.FromSeconds(context.Quick ? 1 : 3);
        return [await SamePolicyAsync(context, duration, cancellationToken).ConfigureAwait(false),
                await SlowBackendAsync(context, duration, cancellationToken).ConfigureAwait(false)];
    }

    private static async Task<BenchMeasurement> SamePolicyAsync(BenchContext context, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using BackendFarm farm = await BackendFarm.StartAsync(new FarmOptions(), cancellationToken).ConfigureAwait(false);
        await using LoadBalancingProxy ours = await LoadBalancingProxy.StartAsync(farm, new ProxyOptions { Policy = "round-robin" }, cancellationToken).ConfigureAwait(false);
        await using YarpFarmProxy yarp = await YarpFarmProxy.StartAsync(farm, YarpFarmProxy.RoundRobin, cancellationToken: cancellationToken).ConfigureAwait(false);
        var errors = new Dictionary<string, long> { [OursRoundRobin] = 0, [YarpRoundRobin] = 0 };

        RoundSamples samples = await context.MeasureAsync(
        [
            Rate(OursRoundRobin, ours.Url("/fast"), duration, errors),
            Rate(YarpRoundRobin, yarp.Url("/fast"), duration, errors),
        ], cancellationToken).ConfigureAwait(false);

        string notes = string.Create(CultureInfo.InvariantCulture,
            $"{farm.Count} backends of {farm.Options.Latency.TotalMilliseconds:0} ms, {Connections} connections for {duration.TotalSeconds:0} s each; "
            + $"proxies, farm and client share {Environment.ProcessorCount} cores; errors: ours {errors[OursRoundRobin]}, YARP {errors[YarpRoundRobin]}");
        return Throughput.Judge(samples, v => v(OursRoundRobin) / v(YarpRoundRobin), notes);
    }

    private static async Task<BenchMeasurement> SlowBackendAsync(BenchContext context, TimeSpan duration, CancellationToken cancellationToken)
    {
        FarmOptions options = FarmOptions.OneSlow();
        await using BackendFarm farm = await BackendFarm.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await using LoadBalancingProxy ours = await LoadBalancingProxy.StartAsync(farm, new ProxyOptions { Policy = "peak-ewma" }, cancellationToken).ConfigureAwait(false);
        await using YarpFarmProxy yarp = await YarpFarmProxy.StartAsync(farm, YarpFarmProxy.PowerOfTwoChoices, cancellationToken: cancellationToken).ConfigureAwait(false);
        var errors = new Dictionary<string, long> { [OursLatencyAware] = 0, [YarpTwoChoices] = 0 };
        int slow = options.SlowBackend ?? 0;

        // Contenders run one at a time, so the farm's counters before and after a run are that proxy's traffic.
        var toSlow = new Dictionary<string, (long Slow, long All)> { [OursLatencyAware] = (0, 0), [YarpTwoChoices] = (0, 0) };
        RoundSamples samples = await context.MeasureAsync(
        [
            Counted(P99(OursLatencyAware, ours.Url("/fast"), duration, errors), farm, slow, toSlow),
            Counted(P99(YarpTwoChoices, yarp.Url("/fast"), duration, errors), farm, slow, toSlow),
        ], cancellationToken).ConfigureAwait(false);

        string notes = string.Create(CultureInfo.InvariantCulture,
            $"backend {slow} answers in {options.SlowLatency.TotalMilliseconds:0} ms, the others in {options.Latency.TotalMilliseconds:0} ms; "
            + $"{Connections} connections for {duration.TotalSeconds:0} s each; share of requests the slow backend served (all rounds and warm-up): ours {Share(toSlow[OursLatencyAware])}, YARP {Share(toSlow[YarpTwoChoices])}; "
            + $"errors: ours {errors[OursLatencyAware]}, YARP {errors[YarpTwoChoices]}");
        return Tail.Judge(samples, v => v(OursLatencyAware) / v(YarpTwoChoices), notes);
    }

    private static string Share((long Slow, long All) counts) => string.Create(
        CultureInfo.InvariantCulture, $"{(counts.All == 0 ? 0 : (double)counts.Slow / counts.All):P2} ({counts.Slow:N0} of {counts.All:N0})");

    private static Contender Counted(Contender inner, BackendFarm farm, int slow, Dictionary<string, (long Slow, long All)> toSlow) =>
        new(inner.Name, inner.Unit, async token =>
        {
            long slowBefore = farm[slow].RequestsServed, allBefore = farm.RequestsServed.Sum();
            double value = await inner.Measure(token).ConfigureAwait(false);
            var (s, a) = toSlow[inner.Name];
            toSlow[inner.Name] = (s + farm[slow].RequestsServed - slowBefore, a + farm.RequestsServed.Sum() - allBefore);
            return value;
        });

    private static Contender Rate(string name, Uri url, TimeSpan duration, Dictionary<string, long> errors) =>
        new(name, "req/s", async token =>
        {
            LoadResult result = await LoadGenerator.RunAsync(LoadOptions.For(url, duration, Connections), token).ConfigureAwait(false);
            errors[name] += result.Errors;
            return result.Throughput;
        });

    private static Contender P99(string name, Uri url, TimeSpan duration, Dictionary<string, long> errors) =>
        new(name, "ms", async token =>
        {
            LoadResult result = await LoadGenerator.RunAsync(LoadOptions.For(url, duration, Connections), token).ConfigureAwait(false);
            errors[name] += result.Errors;
            return result.P99.TotalMilliseconds;
        });
}
