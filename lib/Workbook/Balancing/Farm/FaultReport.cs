using System.Globalization;
using System.Text;
using Workbook.Networking;

namespace Workbook.Balancing.Farm;

/// <summary>
/// What happened in a kill-and-restart run (<see cref="FaultScenario.RunAsync"/>): the clients' view,
/// the proxy's health events, and what was sent to the victim before, during and after its outage.
/// Every time is measured from the start of the load.
/// </summary>
/// <param name="Victim">The killed backend's name.</param>
/// <param name="Backends">Every backend's name, in farm order.</param>
/// <param name="Client">The load generator's result: requests, errors, latency.</param>
/// <param name="Proxy">The proxy's counters at the end (retries, 502/503/504, per-backend attempts).</param>
/// <param name="KilledAt">When the victim was killed.</param>
/// <param name="RestartedAt">When its restart began (it listens again moments later, within the restart call).</param>
/// <param name="EjectedAt">When the proxy ejected it, or null if it never did.</param>
/// <param name="ReadmittedAt">When a trial after the restart readmitted it, or null if none did before the load ended.</param>
/// <param name="FailuresBeforeEjection">Failed attempts on the victim from the kill to its ejection (the price of learning it is dead).</param>
/// <param name="SentWhileEjected">Ordinary (non-trial) attempts started on the victim between its ejection and its readmission: 0 when ejection works.</param>
/// <param name="TrialsWhileDown">Half-open trials sent to the victim while it was dead (one per ejection period, each failing).</param>
/// <param name="ServedAfterRestart">Requests the victim served after its restart.</param>
/// <param name="Events">The proxy's health events (all backends).</param>
/// <param name="Timeline">Attempts per backend per slice.</param>
public sealed record FaultReport(
    string Victim,
    IReadOnlyList<string> Backends,
    LoadResult Client,
    ProxyStats Proxy,
    TimeSpan KilledAt,
    TimeSpan RestartedAt,
    TimeSpan? EjectedAt,
    TimeSpan? ReadmittedAt,
    long FailuresBeforeEjection,
    long SentWhileEjected,
    long TrialsWhileDown,
    long ServedAfterRestart,
    IReadOnlyList<ProxyEvent> Events,
    IReadOnlyList<FaultInterval> Timeline)
{
    /// <summary>Requests the clients sent.</summary>
    public long ClientRequests => Client.Requests;

    /// <summary>Requests the clients saw fail (any non-2xx or no response).</summary>
    public long FailedClientRequests => Client.Errors;

    /// <summary>Whether the victim was readmitted after its restart and served requests again.</summary>
    public bool Reactivated => ReadmittedAt is not null && ServedAfterRestart > 0;

    /// <summary>Attempts per second on backend <paramref name="backend"/>, one point per slice (x in seconds from the start of the load), for a line chart.</summary>
    /// <param name="backend">A backend index.</param>
    /// <returns>(slice start in seconds, attempts per second).</returns>
    public IReadOnlyList<(double Seconds, double PerSecond)> AttemptRate(int backend)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(backend);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(backend, Backends.Count);
        return Timeline.Select(t => (t.Start.TotalSeconds, t.PerSecond(backend))).ToArray();
    }

    /// <summary>A few lines: the clients' view, the victim's story, and the proxy's events.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"clients: {ClientRequests:N0} requests, {FailedClientRequests:N0} failed; the proxy retried {Proxy.Retries:N0} on another backend");
        text.AppendLine().Append(c, $"{Victim} killed at {KilledAt.TotalSeconds:0.00} s, ")
            .Append(EjectedAt is { } ejected ? string.Create(c, $"ejected at {ejected.TotalSeconds:0.00} s after {FailuresBeforeEjection} failed attempts") : "never ejected")
            .Append(c, $"; restarted at {RestartedAt.TotalSeconds:0.00} s, ")
            .Append(ReadmittedAt is { } back ? string.Create(c, $"readmitted at {back.TotalSeconds:0.00} s") : "not readmitted");
        text.AppendLine().Append(c, $"while ejected it got {SentWhileEjected:N0} ordinary requests and {TrialsWhileDown:N0} trial(s); after the restart it served {ServedAfterRestart:N0}");
        foreach (var e in Events)
        {
            text.AppendLine().Append("  ").Append(e);
        }

        return text.ToString();
    }
}
