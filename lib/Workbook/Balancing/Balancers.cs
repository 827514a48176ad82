namespace Workbook.Balancing;

/// <summary>
/// The catalogue of built-in policies, so a notebook can loop over them by name:
/// <c>foreach (var b in Balancers.All) Simulator.Run(scenario, b.Name)</c>.
/// </summary>
public static class Balancers
{
    /// <summary>Every built-in policy, simplest first.</summary>
    public static IReadOnlyList<BalancerInfo> All { get; } =
    [
        new("round-robin", "each backend in turn", UsesLoad: false),
        new("weighted-round-robin", "in turn, in proportion to weight, interleaved (nginx smooth WRR)", UsesLoad: false),
        new("random", "a random backend, in proportion to weight", UsesLoad: false),
        new("least-connections", "the backend with the fewest outstanding requests (full scan)", UsesLoad: true),
        new("power-of-two", "the less loaded of two random backends", UsesLoad: true),
        new("peak-ewma", "the cheaper of two random backends by latency x (outstanding + 1)", UsesLoad: true),
    ];

    /// <summary>The names in <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(b => b.Name).ToArray();

    /// <summary>Creates a built-in policy by name (case-insensitive).</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="backends">The backends.</param>
    /// <param name="seed">Seed for the policies that draw random numbers.</param>
    /// <param name="time">Clock for latency and ejection; the system clock when null.</param>
    /// <param name="ejection">Passive outlier ejection; off when null.</param>
    /// <returns>The new balancer.</returns>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known ones).</exception>
    public static Balancer Create(string name, IEnumerable<Backend> backends, int seed = 0, TimeProvider? time = null, EjectionOptions? ejection = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "round-robin" => new RoundRobin(backends, time, ejection),
            "weighted-round-robin" => new SmoothWeightedRoundRobin(backends, time, ejection),
            "random" => new RandomChoice(backends, new Random(seed), time, ejection),
            "least-connections" => new LeastConnections(backends, time, ejection),
            "power-of-two" => new PowerOfTwoChoices(backends, new Random(seed), time, ejection),
            "peak-ewma" => new PeakEwma(backends, new Random(seed), time, ejection: ejection),
            _ => throw new ArgumentException($"Unknown balancer '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
