namespace Workbook.Balancing.Farm;

/// <summary>
/// How a <see cref="LoadBalancingProxy"/> chooses, retries and gives up. Every property has a
/// sensible default: round-robin, eject after 3 failures in a row for 5 s, up to 3 attempts per
/// request, 10 s per forward.
/// </summary>
/// <remarks>Immutable; validated when the proxy starts.</remarks>
public sealed record ProxyOptions
{
    /// <summary>The policy, one of <see cref="Balancers.Names"/>; "round-robin" by default. Ignored when <see cref="CreateBalancer"/> is set.</summary>
    public string Policy { get; init; } = "round-robin";

    /// <summary>Seed for the policies that draw random numbers (0 by default), so runs repeat their choices.</summary>
    public int Seed { get; init; }

    /// <summary>Passive outlier ejection; 3 consecutive failures, 5 s out by default. Null turns ejection off.</summary>
    public EjectionOptions? Ejection { get; init; } = new() { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(5) };

    /// <summary>The clock for ejection periods, forward timeouts and the attempt log; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The most one forward may take, response body included; then the client gets 504. 10 s by default.</summary>
    public TimeSpan ForwardTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per request, the first included (1 disables retries); 3 by default. Each attempt goes to a backend not yet tried for that request.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The largest request body the proxy buffers (bodies are buffered so an attempt can be repeated); larger ones get 413. 1 MiB by default.</summary>
    public long MaxRequestBodySize { get; init; } = 1024 * 1024;

    /// <summary>Keep a log of every attempt (<see cref="LoadBalancingProxy.Attempts"/>) for timelines; off by default.</summary>
    public bool RecordAttempts { get; init; }

    /// <summary>Optional: builds the balancer from the farm's backends, the clock and the ejection settings, instead of <see cref="Policy"/>.</summary>
    public Func<IReadOnlyList<Backend>, TimeProvider, EjectionOptions?, IBalancer>? CreateBalancer { get; init; }

    /// <summary>Throws a clear exception naming the first setting that makes no sense.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, or the policy is unknown.</exception>
    internal void Validate()
    {
        if (CreateBalancer is null && !FarmPolicies.IsKnown(Policy))
        {
            throw new ArgumentException($"Unknown policy '{Policy}'. Known: {string.Join(", ", Balancers.Names)}.", nameof(Policy));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ForwardTimeout, TimeSpan.Zero, nameof(ForwardTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAttempts, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAttempts, 64, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRequestBodySize, nameof(MaxRequestBodySize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRequestBodySize, int.MaxValue, nameof(MaxRequestBodySize));
    }
}
