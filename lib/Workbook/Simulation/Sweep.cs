namespace Workbook.Simulation;

/// <summary>
/// Runs many (scenario, policy) simulations, spread over the machine's cores, and returns the
/// results in the order given: the engine behind every "this metric against that setting" chart.
/// </summary>
/// <remarks>
/// Each run is deterministic and self-contained (its own balancer, clock and random streams), so
/// running them in parallel changes only the wall time, never a result. Thread-safety: the call
/// blocks until every run has finished; an exception from any run is rethrown after the others stop.
/// </remarks>
public static class Sweep
{
    /// <summary>Runs every (scenario, built-in policy) pair.</summary>
    /// <param name="runs">The runs, e.g. <c>from load in loads select (farm with { Load = load }, "power-of-two")</c>.</param>
    /// <returns>One result per run, in the given order.</returns>
    /// <exception cref="ArgumentException">A scenario is invalid or a policy name unknown (checked before anything runs).</exception>
    public static IReadOnlyList<SimulationResult> Run(IEnumerable<(Scenario Scenario, string Policy)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToArray();
        for (int i = 0; i < list.Length; i++)
        {
            // Fail on a typo before spending seconds on the runs that precede it.
            ArgumentNullException.ThrowIfNull(list[i].Scenario, $"{nameof(runs)}[{i}].Scenario");
            list[i].Scenario.Validate();
            if (!Workbook.Balancing.Balancers.Names.Contains(list[i].Policy?.Trim().ToLowerInvariant()))
            {
                throw new ArgumentException($"Run #{i} names unknown policy '{list[i].Policy}'. Known: {string.Join(", ", Workbook.Balancing.Balancers.Names)}.", nameof(runs));
            }
        }

        var results = new SimulationResult[list.Length];

        // Longest first would balance better, but request counts are a good enough proxy and keep it simple.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, list.Length, options, i => results[i] = Simulator.Run(list[i].Scenario, list[i].Policy));
        return results;
    }
}
