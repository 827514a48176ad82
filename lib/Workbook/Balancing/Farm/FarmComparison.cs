using System.Diagnostics;
using Workbook.Measurement;
using Workbook.Networking;

namespace Workbook.Balancing.Farm;

/// <summary>
/// Ours against YARP on one loopback farm: starts a proxy per policy (ours and YARP's) in front of the
/// same backends and drives each with the networking chapter's <see cref="LoadGenerator"/>, in
/// interleaved rounds, so that every contender sees the same machine at the same moments.
/// <c>var result = await FarmComparison.RunAsync(new FarmComparisonOptions { Farm = FarmOptions.OneSlow() });</c>
/// </summary>
/// <remarks>
/// Why interleaved: a laptop's speed drifts (other programs, turbo, thermal limits). Running every
/// contender once per round, in a rotated order, spreads the drift over all of them instead of
/// charging it to whoever ran last. Only one contender is under load at a time. Thread-safety: each
/// call is independent; every server it starts is stopped before it returns, also on failure or
/// cancellation.
/// </remarks>
public static class FarmComparison
{
    /// <summary>Our policy and YARP's that decide the same way: round-robin, fewest in flight, two random choices.</summary>
    public static IReadOnlyList<(string Ours, string Yarp)> Pairs { get; } =
    [
        ("round-robin", YarpFarmProxy.RoundRobin),
        ("least-connections", YarpFarmProxy.LeastRequests),
        ("power-of-two", YarpFarmProxy.PowerOfTwoChoices),
    ];

    /// <summary>Starts the farm of <see cref="FarmComparisonOptions.Farm"/>, compares every contender on it, and stops it.</summary>
    /// <param name="options">What to compare; defaults when null.</param>
    /// <param name="cancellationToken">Stops the comparison (it then throws <see cref="OperationCanceledException"/>); every server is stopped.</param>
    /// <returns>Per contender: throughput, mean, p50, p99, errors and per-backend counts.</returns>
    /// <exception cref="ArgumentException">An option is out of range or a policy is unknown.</exception>
    public static async Task<FarmComparisonResult> RunAsync(FarmComparisonOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FarmComparisonOptions();
        options.Validate();
        var farm = await BackendFarm.StartAsync(options.Farm, cancellationToken).ConfigureAwait(false);
        await using (farm.ConfigureAwait(false))
        {
            return await RunAsync(farm, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Compares every contender on a farm that is already running (its <see cref="FarmComparisonOptions.Farm"/> is ignored); the farm is left running.</summary>
    /// <param name="farm">The backends.</param>
    /// <param name="options">What to compare; defaults when null.</param>
    /// <param name="cancellationToken">Stops the comparison; every proxy is stopped.</param>
    /// <returns>Per contender: throughput, mean, p50, p99, errors and per-backend counts.</returns>
    public static async Task<FarmComparisonResult> RunAsync(BackendFarm farm, FarmComparisonOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(farm);
        options ??= new FarmComparisonOptions();
        options.Validate();
        long started = Stopwatch.GetTimestamp();
        var proxies = new List<IFarmProxy>();
        try
        {
            foreach (var policy in options.Ours)
            {
                proxies.Add(await LoadBalancingProxy.StartAsync(farm, new ProxyOptions { Policy = policy, Seed = options.Seed }, cancellationToken).ConfigureAwait(false));
            }

            foreach (var policy in options.Yarp)
            {
                proxies.Add(await YarpFarmProxy.StartAsync(farm, policy, cancellationToken: cancellationToken).ConfigureAwait(false));
            }

            var runs = proxies.Select(_ => new List<LoadResult>()).ToArray();
            var cpu = new TimeSpan[proxies.Count];
            if (options.WarmupRequests > 0)
            {
                foreach (var proxy in proxies)
                {
                    await LoadGenerator.RunAsync(Load(proxy, options, options.WarmupRequests), cancellationToken).ConfigureAwait(false);
                }
            }

            for (int round = 0; round < options.Rounds; round++)
            {
                for (int k = 0; k < proxies.Count; k++)
                {
                    int i = (k + round) % proxies.Count; // rotate the order each round
                    var cpuBefore = Environment.CpuUsage.TotalTime;
                    runs[i].Add(await LoadGenerator.RunAsync(Load(proxies[i], options, options.RequestsPerRound), cancellationToken).ConfigureAwait(false));
                    cpu[i] += Environment.CpuUsage.TotalTime - cpuBefore;
                }
            }

            var contenders = proxies.Select((p, i) => Merge(p, runs[i], farm.Names, cpu[i])).ToArray();
            return new FarmComparisonResult(farm.Options.ToString(), farm.Names, contenders, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static LoadOptions Load(IFarmProxy proxy, FarmComparisonOptions options, int requests) =>
        LoadOptions.Requests(proxy.Url(options.Path), requests, options.Concurrency);

    private static ContenderResult Merge(IFarmProxy proxy, List<LoadResult> rounds, IReadOnlyList<string> backends, TimeSpan cpu)
    {
        long requests = rounds.Sum(r => r.Requests);
        double seconds = rounds.Sum(r => r.Elapsed.TotalSeconds);
        var latencies = rounds.Where(r => r.Latency is not null).SelectMany(r => r.Latency!.Sorted).ToArray();
        var stats = latencies.Length > 0 ? Stats.Of(latencies, Stats.Milliseconds) : null;
        return new ContenderResult(
            proxy.Kind,
            proxy.Policy,
            requests,
            rounds.Sum(r => r.Errors),
            seconds > 0 ? requests / seconds : 0,
            TimeSpan.FromMilliseconds(stats?.Mean ?? 0),
            TimeSpan.FromMilliseconds(stats?.Percentile(50) ?? 0),
            TimeSpan.FromMilliseconds(stats?.Percentile(99) ?? 0),
            backends.Select(name => rounds.Sum(r => r.ByBackend.GetValueOrDefault(name))).ToArray(),
            rounds.Select(r => r.Throughput).ToArray(),
            requests > 0 ? cpu / requests : TimeSpan.Zero);
    }
}
