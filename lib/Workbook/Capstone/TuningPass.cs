using Workbook.Networking;

namespace Workbook.Capstone;

/// <summary>
/// Measures a staircase of configurations in one run, each the same way: start it, warm it up, run
/// a closed loop to find its capacity, then hit it with an open-loop spike at a fixed rate (a
/// multiple of the first configuration's capacity), and stop it again.
/// </summary>
/// <remarks>
/// One configuration runs at a time, so they never compete for the cores. Each one starts cold
/// (empty cache, fresh worker processes) and sees the same seeded sequence of keys. Everything
/// started is stopped before the next step, also when a step fails or the token is cancelled.
/// </remarks>
public static class TuningPass
{
    /// <summary>Measures <paramref name="configs"/> (the chapter's <see cref="ServiceConfig.Staircase"/> by default).</summary>
    /// <param name="configs">The configurations, the baseline first; at least one.</param>
    /// <param name="options">How to measure; defaults when null.</param>
    /// <param name="progress">Called with each step as soon as it is measured (e.g. <c>Console.WriteLine</c>), or null.</param>
    /// <param name="cancellationToken">Stops the pass (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The staircase.</returns>
    /// <exception cref="ArgumentException">No configurations, or invalid options.</exception>
    public static async Task<TuningReport> RunAsync(
        IEnumerable<ServiceConfig>? configs = null, TuningOptions? options = null, Action<TuningStep>? progress = null, CancellationToken cancellationToken = default)
    {
        ServiceConfig[] list = [.. configs ?? ServiceConfig.Staircase];
        if (list.Length == 0)
        {
            throw new ArgumentException("The tuning pass needs at least one configuration.", nameof(configs));
        }

        options ??= new TuningOptions();
        options.Validate();
        var steps = new List<TuningStep>();
        double? spikeRate = null;
        foreach (ServiceConfig config in list)
        {
            (TuningStep step, double rate) = await ServiceFarm.UseAsync(
                config, (farm, ct) => MeasureAsync(farm, options, spikeRate, ct), cancellationToken).ConfigureAwait(false);
            spikeRate = rate;
            steps.Add(step);
            progress?.Invoke(step);
        }

        return new TuningReport(steps, spikeRate!.Value, options);
    }

    private static async Task<(TuningStep Step, double SpikeRate)> MeasureAsync(
        ServiceFarm farm, TuningOptions options, double? spikeRate, CancellationToken cancellationToken)
    {
        // The same seeded keys for every configuration, so the cache sees the same traffic each time.
        var keys = new ZipfKeys(exponent: options.Exponent, seed: options.Seed);
        if (options.Warmup > TimeSpan.Zero)
        {
            await LoadGenerator.RunAsync(QuoteLoad.Closed(farm, keys, options.Clients, options.Warmup), cancellationToken).ConfigureAwait(false);
        }

        farm.ResetStats();
        LoadResult capacity = await LoadGenerator.RunAsync(QuoteLoad.Closed(farm, keys, options.Clients, options.Measure), cancellationToken).ConfigureAwait(false);
        ServiceStats capacityStats = farm.Stats;
        double throughput = capacity.Successes / Math.Max(capacity.Elapsed.TotalSeconds, 1e-3);

        // The spike is fixed by the baseline: the same traffic for every step, more than the baseline can take.
        double rate = spikeRate ?? Math.Max(1, options.SpikeFactor * throughput);
        farm.ResetStats();
        LoadResult spike = await LoadGenerator.RunAsync(QuoteLoad.Open(farm, keys, rate, options.Spike), cancellationToken).ConfigureAwait(false);
        return (new TuningStep(farm.Config, capacity, capacityStats, spike, farm.Stats), rate);
    }
}
