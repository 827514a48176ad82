using Workbook.Simulation;

namespace Workbook.Balancing;

/// <summary>
/// Replays a steady stream of requests, in virtual time, against a balancer in which one backend
/// is down for a while: shows passive ejection taking the backend out, the half-open trials, and
/// its return, second by second, without waiting for real time to pass.
/// </summary>
/// <remarks>
/// Requests are spread evenly over each second and complete at once: a request to the sick
/// backend fails while it is down, every other request succeeds. The balancer is built on the
/// replay's own <see cref="VirtualClock"/>, so its ejection periods run on virtual time.
/// Single-threaded and deterministic.
/// </remarks>
public static class OutageReplay
{
    /// <summary>Runs the replay.</summary>
    /// <param name="create">Builds the balancer on the given clock, e.g. <c>clock => new RoundRobin(backends, clock, ejection)</c>.</param>
    /// <param name="sick">Name of the backend that goes down.</param>
    /// <param name="downFrom">Second at which it goes down (0 or more).</param>
    /// <param name="downUntil">Second at which it is healthy again (after <paramref name="downFrom"/>).</param>
    /// <param name="seconds">Length of the replay in virtual seconds (1 or more).</param>
    /// <param name="requestsPerSecond">Requests per virtual second (1 or more).</param>
    /// <returns>One row per second.</returns>
    /// <exception cref="ArgumentException">The sick backend is not one of the balancer's, or the outage window is empty.</exception>
    /// <exception cref="NoHealthyBackendException">Every backend was ejected at once (only possible with a single backend).</exception>
    public static IReadOnlyList<OutageSecond> Run(
        Func<TimeProvider, Balancer> create,
        string sick,
        int downFrom,
        int downUntil,
        int seconds = 120,
        int requestsPerSecond = 30)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentException.ThrowIfNullOrWhiteSpace(sick);
        ArgumentOutOfRangeException.ThrowIfNegative(downFrom);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(downUntil, downFrom);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);

        var clock = new VirtualClock();
        var balancer = create(clock) ?? throw new InvalidOperationException("The balancer factory returned null.");
        int sickIndex = -1;
        for (int i = 0; i < balancer.Count; i++)
        {
            sickIndex = balancer.Backends[i].Name == sick ? i : sickIndex;
        }

        if (sickIndex < 0)
        {
            throw new ArgumentException($"No backend is named '{sick}'; the balancer has {string.Join(", ", balancer.Backends.Select(b => b.Name))}.", nameof(sick));
        }

        var rows = new OutageSecond[seconds];
        for (int second = 0; second < seconds; second++)
        {
            bool down = second >= downFrom && second < downUntil;
            int sent = 0, failed = 0;
            for (int r = 0; r < requestsPerSecond; r++)
            {
                clock.AdvanceTo(second + ((double)r / requestsPerSecond));
                var lease = balancer.Pick();
                bool hitsSick = lease.Index == sickIndex;
                sent += hitsSick ? 1 : 0;
                bool ok = !(hitsSick && down);
                failed += ok ? 0 : 1;
                lease.Complete(ok ? RequestOutcome.Success : RequestOutcome.Failure, TimeSpan.Zero);
            }

            rows[second] = new OutageSecond(second, sent, failed, balancer.HealthOf(sickIndex), down);
        }

        return rows;
    }
}
