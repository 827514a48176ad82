using Workbook.Balancing;

namespace Workbook.Simulation;

/// <summary>
/// A deterministic discrete-event simulator of a server farm behind a load balancer, in virtual
/// time: no sleeping, no threads, the same seed always gives the same result.
/// </summary>
/// <remarks>
/// <para>Each arriving request is routed by calling the policy's <see cref="IBalancer.Pick"/>;
/// its lease is completed, in virtual time, when the request leaves the server. So the policy
/// sees exactly what a real proxy would: outstanding requests per server (waiting + in service)
/// and observed latency (time in system). The policy's <see cref="TimeProvider"/> is the run's
/// <see cref="VirtualClock"/>.</para>
/// <para>Cost: O(log(servers × slots)) per request for the event heap plus the policy's own pick
/// cost; memory is 4 bytes per measured request (for percentiles) plus the queues.
/// Thread-safety: each run is self-contained; runs may execute in parallel.</para>
/// </remarks>
public static class Simulator
{
    /// <summary>Runs <paramref name="scenario"/> with a built-in policy from <see cref="Balancers"/>.</summary>
    /// <param name="scenario">What to simulate.</param>
    /// <param name="policy">A name from <see cref="Balancers.Names"/>, e.g. <c>"power-of-two"</c>; seeded with <c>scenario.Seed + 1</c>.</param>
    /// <returns>The measurements.</returns>
    public static SimulationResult Run(Scenario scenario, string policy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        return Run(scenario, (backends, clock) => Balancers.Create(policy, backends, unchecked(scenario.Seed + 1), clock));
    }

    /// <summary>Runs <paramref name="scenario"/> with any policy, built by <paramref name="createBalancer"/>.</summary>
    /// <param name="scenario">What to simulate.</param>
    /// <param name="createBalancer">Builds the policy from the servers' backends (named <c>server0</c>...) and the run's virtual clock.</param>
    /// <returns>The measurements.</returns>
    /// <exception cref="ArgumentException">The scenario is invalid, or stale information was asked of a policy not derived from <see cref="Balancer"/>.</exception>
    public static SimulationResult Run(Scenario scenario, Func<IReadOnlyList<Backend>, TimeProvider, IBalancer> createBalancer)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(createBalancer);
        scenario.Validate();

        var clock = new VirtualClock();
        var backends = new Backend[scenario.ServerCount];
        for (int i = 0; i < backends.Length; i++)
        {
            backends[i] = new Backend("server" + i, scenario.Weights?[i] ?? 1);
        }

        var balancer = createBalancer(backends, clock) ?? throw new InvalidOperationException("The balancer factory returned null.");
        if (balancer.Backends.Count != backends.Length)
        {
            throw new ArgumentException($"The balancer has {balancer.Backends.Count} backends but the scenario has {backends.Length} servers.", nameof(createBalancer));
        }

        if (scenario.RefreshInterval is not null && balancer is not Balancer)
        {
            throw new ArgumentException($"Stale information (RefreshInterval) needs a policy derived from Balancer; '{balancer.Name}' is a custom IBalancer.", nameof(createBalancer));
        }

        return new SimulationRun(scenario, balancer, clock).Execute();
    }

    /// <summary>Runs the same scenario (same arrivals and work) under several built-in policies.</summary>
    /// <param name="scenario">What to simulate.</param>
    /// <param name="policies">Names from <see cref="Balancers.Names"/>; all of them when empty.</param>
    /// <returns>One result per policy, in the given order.</returns>
    public static IReadOnlyList<SimulationResult> Compare(Scenario scenario, params string[] policies)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        var names = policies.Length == 0 ? Balancers.Names : policies;
        var results = new SimulationResult[names.Count];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Run(scenario, names[i]);
        }

        return results;
    }
}
