namespace Workbook.Balancing.Farm;

/// <summary>
/// What <see cref="FarmComparison.RunAsync(FarmComparisonOptions?, CancellationToken)"/> measures: the
/// farm, which policies of ours and of YARP, and how much load. Defaults: three 2-ms backends, our
/// round-robin, least-connections, power-of-two and peak-EWMA against YARP's RoundRobin,
/// LeastRequests and PowerOfTwoChoices, 16 clients, 3 interleaved rounds of 600 GETs of <c>/fast</c>.
/// </summary>
/// <remarks>Immutable; validated when a run starts.</remarks>
public sealed record FarmComparisonOptions
{
    /// <summary>The farm to start (ignored by the overload that takes a running farm).</summary>
    public FarmOptions Farm { get; init; } = new();

    /// <summary>Our policies, each behind its own <see cref="LoadBalancingProxy"/>; names from <see cref="Balancers.Names"/>.</summary>
    public IReadOnlyList<string> Ours { get; init; } = ["round-robin", "least-connections", "power-of-two", "peak-ewma"];

    /// <summary>YARP's policies, each behind its own <see cref="YarpFarmProxy"/>.</summary>
    public IReadOnlyList<string> Yarp { get; init; } = YarpFarmProxy.Policies;

    /// <summary>The path every request GETs (the backend's delay applies to every path); <c>/fast</c> by default.</summary>
    public string Path { get; init; } = "/fast";

    /// <summary>Load-generator clients (closed loop); 16 by default.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Requests per contender per round; 600 by default (a multiple of the backend count keeps round-robin's shares exact).</summary>
    public int RequestsPerRound { get; init; } = 600;

    /// <summary>Rounds; in each, every contender runs once, in an order rotated by one each round. 3 by default.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Unmeasured requests per contender before the first round (JIT, connection pools, latency estimates); 200 by default.</summary>
    public int WarmupRequests { get; init; } = 200;

    /// <summary>Seed for our random policies.</summary>
    public int Seed { get; init; }

    /// <summary>Throws a clear exception naming the first setting that makes no sense.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or a policy is unknown.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Farm, nameof(Farm));
        ArgumentNullException.ThrowIfNull(Ours, nameof(Ours));
        ArgumentNullException.ThrowIfNull(Yarp, nameof(Yarp));
        if (Ours.Count + Yarp.Count == 0)
        {
            throw new ArgumentException("Nothing to compare: both Ours and Yarp are empty.", nameof(Ours));
        }

        foreach (var policy in Ours)
        {
            if (!FarmPolicies.IsKnown(policy))
            {
                throw new ArgumentException($"Unknown policy '{policy}' in Ours. Known: {string.Join(", ", Balancers.Names)}.", nameof(Ours));
            }
        }

        if (Ours.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Ours.Count || Yarp.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Yarp.Count)
        {
            throw new ArgumentException("A policy is listed twice; each contender must be distinct.", nameof(Ours));
        }

        if (string.IsNullOrWhiteSpace(Path) || !Path.StartsWith('/'))
        {
            throw new ArgumentException($"The path '{Path}' must start with '/'.", nameof(Path));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Concurrency, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Concurrency, 1_000, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RequestsPerRound, nameof(RequestsPerRound));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Rounds, nameof(Rounds));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupRequests, nameof(WarmupRequests));
    }
}
