using System.Globalization;

namespace Workbook.Balancing.Farm;

/// <summary>
/// One request whose backend was killed while it was handling it (<see cref="FaultScenario.KillDuringRequestAsync"/>):
/// what the client got, and which backends saw the request.
/// </summary>
/// <param name="Method">The request's method (GET or POST …).</param>
/// <param name="Status">The status the client got.</param>
/// <param name="AnsweredBy">The backend that answered (its <c>X-Backend</c> header), or null when the proxy answered itself.</param>
/// <param name="Body">The response body's first line.</param>
/// <param name="SeenBy">Per backend (farm order): how many times the request reached it.</param>
/// <param name="Backends">The backends' names, in farm order.</param>
public sealed record InFlightKillReport(string Method, int Status, string? AnsweredBy, string Body, IReadOnlyList<long> SeenBy, IReadOnlyList<string> Backends)
{
    /// <summary>How many backends received the request in total (1 means it was not repeated).</summary>
    public long Deliveries => SeenBy.Sum();

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Method}: {Status} from {AnsweredBy ?? "the proxy"}, seen by {string.Join(", ", Backends.Select((b, i) => $"{b} {SeenBy[i]}x"))}: {Body}");
}
