using System.Globalization;
using System.Text;

namespace Workbook.Balancing.Farm;

/// <summary>What one backend got from the proxy.</summary>
/// <param name="Name">The backend's name.</param>
/// <param name="Attempts">Forwards started to it (trials included).</param>
/// <param name="Failures">Of those, the ones that failed (no response, or a 5xx).</param>
/// <param name="Trials">Of those, half-open trial requests after an ejection.</param>
public sealed record BackendTraffic(string Name, long Attempts, long Failures, long Trials)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Name}: {Attempts:N0} attempts, {Failures:N0} failed, {Trials:N0} trials");
}

/// <summary>
/// A <see cref="LoadBalancingProxy"/>'s counters: what clients asked, what the proxy answered itself
/// (502, 503, 504) and what each backend got.
/// </summary>
/// <param name="Requests">Requests received from clients.</param>
/// <param name="Retries">Attempts beyond the first (a request retried on another backend).</param>
/// <param name="BadGateway">Answered 502: the backend failed and the request could not be retried.</param>
/// <param name="Unavailable">Answered 503 at once: no healthy backend.</param>
/// <param name="GatewayTimeout">Answered 504: a forward took longer than the forward timeout.</param>
/// <param name="ClientGone">Requests whose client disconnected before the answer.</param>
/// <param name="Backends">Per backend, in farm order.</param>
public sealed record ProxyStats(
    long Requests, long Retries, long BadGateway, long Unavailable, long GatewayTimeout, long ClientGone, IReadOnlyList<BackendTraffic> Backends)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{Requests:N0} requests, {Retries:N0} retries, {BadGateway:N0} × 502, {Unavailable:N0} × 503, {GatewayTimeout:N0} × 504, {ClientGone:N0} client gone");
        foreach (var backend in Backends)
        {
            text.AppendLine().Append("  ").Append(backend);
        }

        return text.ToString();
    }
}
