namespace Workbook.Simulation;

/// <summary>
/// What to simulate: a farm of servers, the request stream, and what to measure. Every
/// property has a default, so <c>new Scenario { Servers = 1000, Load = 0.9 }</c> is a complete scenario.
/// </summary>
/// <remarks>
/// Time is in virtual seconds; a speed-1 server needs 1 s per request on average, a speed-0.25
/// server 4 s. The arrival rate is <see cref="Load"/> × total capacity, where total capacity is
/// Σ speed × <see cref="SlotsPerServer"/>. The simulator validates the scenario when it runs.
/// </remarks>
public sealed record Scenario
{
    /// <summary>Number of servers (1 or more; default 100). Ignored in favour of <see cref="Speeds"/>' length when that is set.</summary>
    public int Servers { get; init; } = 100;

    /// <summary>Offered load ρ: average arrival rate as a fraction of total capacity (positive; default 0.9). Above 1 the farm is overloaded.</summary>
    public double Load { get; init; } = 0.9;

    /// <summary>Total requests to simulate, warm-up included (1 or more; default 100,000).</summary>
    public long Requests { get; init; } = 100_000;

    /// <summary>Share of the first requests left out of the statistics while the queues fill up ([0, 1); default 0.1).</summary>
    public double WarmUpFraction { get; init; } = 0.1;

    /// <summary>The arrival pattern (default Poisson).</summary>
    public ArrivalPattern Arrivals { get; init; } = ArrivalPattern.Poisson;

    /// <summary>The service-time distribution (default exponential).</summary>
    public ServiceTime Service { get; init; } = ServiceTime.Exponential;

    /// <summary>Per-server speed multipliers (each positive); null means every server has speed 1.</summary>
    public IReadOnlyList<double>? Speeds { get; init; }

    /// <summary>Per-server weights given to the balancer's backends (each 1 or more); null means all 1.</summary>
    public IReadOnlyList<int>? Weights { get; init; }

    /// <summary>Requests a server works on at once (1 or more; default 1); the rest wait in its FIFO queue.</summary>
    public int SlotsPerServer { get; init; } = 1;

    /// <summary>Seed of the arrival and service-time draws; built-in policies get <c>Seed + 1</c>.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Stale information: when set, the policy sees each server's outstanding count only as it was
    /// at the last refresh, taken every this many virtual seconds. Null (default) means always current.
    /// </summary>
    public double? RefreshInterval { get; init; }

    /// <summary>When set, records every server's queue length every this many virtual seconds (for charts).</summary>
    public double? SampleInterval { get; init; }

    /// <summary>Upper bound on recorded queue samples (default 1,000); memory is samples × servers × 4 bytes.</summary>
    public int MaxSamples { get; init; } = 1_000;

    /// <summary>The number of servers actually simulated.</summary>
    public int ServerCount => Speeds?.Count ?? Servers;

    /// <summary>Speeds for <paramref name="servers"/> servers where server 0 runs at <paramref name="slowSpeed"/> and the rest at 1.</summary>
    /// <param name="servers">Number of servers (2 or more).</param>
    /// <param name="slowSpeed">Speed of server 0 (positive).</param>
    /// <returns>The speed list, for <see cref="Speeds"/>.</returns>
    public static double[] OneSlowServer(int servers, double slowSpeed = 0.25)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slowSpeed);
        var speeds = new double[servers];
        Array.Fill(speeds, 1.0);
        speeds[0] = slowSpeed;
        return speeds;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var stale = RefreshInterval is { } r ? $", load info refreshed every {r:0.###} s" : string.Empty;
        var speeds = Speeds is null ? string.Empty : ", mixed speeds";
        return $"{ServerCount:N0} servers{speeds}, load {Load:0.###}, {Requests:N0} requests, {Arrivals}, {Service.ToString().ToLowerInvariant()} service{stale}";
    }

    /// <summary>Throws a clear exception for the first invalid setting.</summary>
    internal void Validate()
    {
        if (Speeds is null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Servers, nameof(Servers));
        }
        else
        {
            if (Speeds.Count == 0)
            {
                throw new ArgumentException("Speeds is empty: give one speed per server, or leave it null.", nameof(Speeds));
            }

            for (int i = 0; i < Speeds.Count; i++)
            {
                if (!(Speeds[i] > 0 && double.IsFinite(Speeds[i])))
                {
                    throw new ArgumentOutOfRangeException(nameof(Speeds), Speeds[i], $"Server {i} has speed {Speeds[i]}; speeds must be positive.");
                }
            }
        }

        if (Weights is not null && Weights.Count != ServerCount)
        {
            throw new ArgumentException($"Weights has {Weights.Count} entries but there are {ServerCount} servers.", nameof(Weights));
        }

        if (!(Load > 0 && double.IsFinite(Load)))
        {
            throw new ArgumentOutOfRangeException(nameof(Load), Load, "Load must be a positive number (1.0 = arrivals equal to total capacity).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Requests, nameof(Requests));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Requests, 1_000_000_000L, nameof(Requests));
        if (!(WarmUpFraction >= 0 && WarmUpFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(WarmUpFraction), WarmUpFraction, "The warm-up fraction must be in [0, 1).");
        }

        ArgumentNullException.ThrowIfNull(Arrivals, nameof(Arrivals));
        if (!Enum.IsDefined(Service))
        {
            throw new ArgumentOutOfRangeException(nameof(Service), Service, "Unknown service-time distribution.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SlotsPerServer, nameof(SlotsPerServer));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSamples, nameof(MaxSamples));
        CheckInterval(RefreshInterval, nameof(RefreshInterval));
        CheckInterval(SampleInterval, nameof(SampleInterval));
    }

    private static void CheckInterval(double? value, string name)
    {
        if (value is { } v && !(v > 0 && double.IsFinite(v)))
        {
            throw new ArgumentOutOfRangeException(name, v, $"{name} must be a positive number of virtual seconds (or null).");
        }
    }
}
