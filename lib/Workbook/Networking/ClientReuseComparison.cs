using System.Globalization;

namespace Workbook.Networking;

/// <summary>The two HttpClient patterns side by side.</summary>
/// <param name="Shared">One client for every request.</param>
/// <param name="PerRequest">A new client per request.</param>
public sealed record ClientReuseComparison(ClientReuseResult Shared, ClientReuseResult PerRequest)
{
    /// <summary>How many times more connections the per-request pattern opened.</summary>
    public double ConnectionRatio => (double)PerRequest.ConnectionsOpened / Math.Max(1, Shared.ConnectionsOpened);

    /// <summary>How many times longer the per-request pattern took.</summary>
    public double SlowdownRatio => Shared.Elapsed > TimeSpan.Zero ? PerRequest.Elapsed / Shared.Elapsed : 0;

    /// <summary>Both results and the ratios.</summary>
    /// <returns>Three lines.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Shared}{Environment.NewLine}{PerRequest}{Environment.NewLine}per request: {ConnectionRatio:0.#}× the connections, {SlowdownRatio:0.0}× the time");
}
