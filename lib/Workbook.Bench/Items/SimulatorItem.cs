using System.Globalization;
using Workbook.Benchmarking;
using Workbook.Simulation;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 7: the load-balancing chapter's <see cref="Simulator"/> at 1,000 servers: its speed in
/// requests simulated per second, and how its time grows from 1M to 10M requests (near-linear means
/// at most 11×).
/// </summary>
internal sealed class SimulatorItem : IBenchItem
{
    private const string Policy = "power-of-two";
    private const int Servers = 1_000;

    private static readonly BenchSpec Speed = new(
        "7a", 7, "Simulator speed at 1,000 servers (requests simulated per second)", "");

    private static readonly BenchSpec Scaling = new(
        "7b", 7, "Simulator scaling: 10× the requests at 1,000 servers", "time for 10× the requests ÷ time for 1×", BenchTarget.AtMost(11));

    /// <inheritdoc />
    public int Number => 7;

    /// <inheritdoc />
    public string Title => "Load-balancing simulator: speed and scaling";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Speed, Scaling];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        long small = context.Quick ? 100_000 : 1_000_000;
        long large = 10 * small;
        string smallName = Requests(small), largeName = Requests(large);
        // Warm up on a small run only: one untimed 10M-request run would cost as much as a round.
        await Run("warm-up", small / 10).Measure(cancellationToken).ConfigureAwait(false);
        RoundSamples samples = await context.MeasureAsync(
            [Run(smallName, small), Run(largeName, large)],
            cancellationToken,
            warmUp: false).ConfigureAwait(false);

        double rate = large / samples.Contenders[1].Median;
        string scenario = string.Create(CultureInfo.InvariantCulture, $"{Servers:N0} servers, load 0.9, Poisson arrivals, exponential service, {Policy} policy");
        return
        [
            Speed.Report(
                samples.Contenders,
                string.Create(CultureInfo.InvariantCulture, $"{BenchFormat.Number(rate / 1e6)} M requests simulated per second ({largeName} run; absolute, this machine only); {scenario}"),
                [new BenchMetric("requests simulated per second", rate, "req/s")]),
            Scaling.Judge(samples, v => v(largeName) / v(smallName), string.Create(CultureInfo.InvariantCulture,
                $"{scenario}; the event heap costs O(log servers) per request, so time should grow linearly with requests")),
        ];
    }

    private static Contender Run(string name, long requests) => new(name, "s", _ =>
    {
        var scenario = new Scenario { Servers = Servers, Load = 0.9, Requests = requests, Seed = 7 };
        SimulationResult result = Simulator.Run(scenario, Policy);
        // Every request must complete (the run drains the queues); otherwise the timing means nothing.
        return result.Requests == requests
            ? ValueTask.FromResult(result.WallTime.TotalSeconds)
            : throw new InvalidOperationException($"The simulator completed {result.Requests} of {requests} requests.");
    });

    private static string Requests(long count) => count >= 1_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{count / 1_000_000}M requests")
        : string.Create(CultureInfo.InvariantCulture, $"{count / 1_000}k requests");
}
