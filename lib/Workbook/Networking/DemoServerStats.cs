using System.Globalization;

namespace Workbook.Networking;

/// <summary>
/// What a <see cref="DemoServer"/> has seen since it started (or since its last
/// <see cref="DemoServer.ResetStats"/>). <c>GET /stats</c> returns the same record as JSON.
/// </summary>
/// <param name="Name">The server's name (the value of its <c>X-Backend</c> header).</param>
/// <param name="RequestsServed">Requests that went through the application pipeline (400s that Kestrel rejects itself are not counted, nor is <c>/stats</c>).</param>
/// <param name="FailuresServed">Of those, the ones answered with a 5xx status (e.g. while faulty).</param>
/// <param name="InFlight">Requests inside the pipeline at the moment of the snapshot.</param>
/// <param name="PeakInFlight">The most requests that were inside the pipeline at once.</param>
/// <param name="ConnectionsAccepted">TCP connections Kestrel accepted: a shared client reuses a few, a client per request opens one each.</param>
/// <param name="ConnectionsOpen">TCP connections open at the moment of the snapshot.</param>
public sealed record DemoServerStats(
    string Name,
    long RequestsServed,
    long FailuresServed,
    int InFlight,
    int PeakInFlight,
    long ConnectionsAccepted,
    int ConnectionsOpen)
{
    /// <summary>E.g. "demo: 1,000 requests (0 failed), in flight 0 (peak 16), connections 16 accepted / 16 open".</summary>
    /// <returns>The counters as one line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {RequestsServed:N0} requests ({FailuresServed:N0} failed), in flight {InFlight} (peak {PeakInFlight}), " +
        $"connections {ConnectionsAccepted:N0} accepted / {ConnectionsOpen} open");
}
