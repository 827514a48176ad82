namespace Workbook.Simulation;

/// <summary>What one simulation run measured.</summary>
/// <param name="Policy">The balancer's name.</param>
/// <param name="Scenario">The scenario that was run.</param>
/// <param name="Requests">Requests simulated, warm-up included (all of them completed: the run drains the queues).</param>
/// <param name="TimeInSystem">Waiting + service time of the measured (post-warm-up) requests, in virtual seconds.</param>
/// <param name="MeanInSystem">Time-average number of requests in the whole farm over the measured period.</param>
/// <param name="Throughput">Measured requests per virtual second over the measured period.</param>
/// <param name="VirtualSeconds">Virtual time at which the last request finished.</param>
/// <param name="LongestQueue">The most requests any one server ever held at once.</param>
/// <param name="RequestsPerServer">Requests each server was given, by server index (warm-up included).</param>
/// <param name="MeanTimePerServer">Mean time in system of each server's measured requests (NaN for a server that had none).</param>
/// <param name="QueueSamples">Queue-length snapshots, if <see cref="Scenario.SampleInterval"/> was set.</param>
/// <param name="WallTime">Real time the run took (machine-dependent; everything else is deterministic).</param>
public sealed record SimulationResult(
    string Policy,
    Scenario Scenario,
    long Requests,
    LatencySummary TimeInSystem,
    double MeanInSystem,
    double Throughput,
    double VirtualSeconds,
    int LongestQueue,
    IReadOnlyList<long> RequestsPerServer,
    IReadOnlyList<double> MeanTimePerServer,
    IReadOnlyList<QueueSample> QueueSamples,
    TimeSpan WallTime)
{
    /// <summary>Simulated requests per real second: the simulator's own speed on this machine.</summary>
    public double RequestsPerWallSecond => Requests / Math.Max(WallTime.TotalSeconds, 1e-9);

    /// <summary>Little's law check: <see cref="MeanInSystem"/> divided by (<see cref="Throughput"/> × mean time in system); close to 1.</summary>
    public double LittleRatio => MeanInSystem / (Throughput * TimeInSystem.Mean);

    /// <inheritdoc />
    public override string ToString()
    {
        long min = long.MaxValue, max = 0;
        foreach (var count in RequestsPerServer)
        {
            min = Math.Min(min, count);
            max = Math.Max(max, count);
        }

        return $"{Policy}: {Scenario.ServerCount:N0} servers, load {Scenario.Load:0.###}, {Requests:N0} requests"
            + $" | time in system {TimeInSystem}"
            + $" | per server {min:N0}..{max:N0} requests, longest queue {LongestQueue:N0}"
            + $" | {WallTime.TotalSeconds:0.##} s wall ({RequestsPerWallSecond / 1e6:0.##} M requests/s)";
    }
}
