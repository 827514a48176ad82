using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Networking;

/// <summary>How one HttpClient usage pattern fared (see <see cref="ClientReuse"/>).</summary>
/// <param name="Pattern">"shared client" or "client per request".</param>
/// <param name="Requests">Requests sent.</param>
/// <param name="Failures">Requests that failed (non-2xx or an exception).</param>
/// <param name="Elapsed">Time for all of them.</param>
/// <param name="ConnectionsOpened">TCP connections the server accepted during the run.</param>
/// <param name="SocketsInTimeWait">New sockets to the server's port left in TIME_WAIT after the run (Linux only; null elsewhere).</param>
public sealed record ClientReuseResult(string Pattern, int Requests, int Failures, TimeSpan Elapsed, long ConnectionsOpened, int? SocketsInTimeWait)
{
    /// <summary>Requests per second.</summary>
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    /// <summary>E.g. "client per request: 500 requests in 1.20 s (417 req/s), 500 connections, 500 in TIME_WAIT, 0 failed".</summary>
    /// <returns>The result as one line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Pattern}: {Requests:N0} requests in {Durations.Format(Elapsed)} ({NumberText.Grouped(RequestsPerSecond)} req/s), " +
        $"{ConnectionsOpened:N0} connections, {(SocketsInTimeWait is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "?")} in TIME_WAIT, {Failures:N0} failed");
}
