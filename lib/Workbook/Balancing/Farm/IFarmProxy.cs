namespace Workbook.Balancing.Farm;

/// <summary>
/// A reverse proxy in front of a <see cref="BackendFarm"/>, listening on 127.0.0.1: the library's own
/// (<see cref="LoadBalancingProxy"/>) or YARP (<see cref="YarpFarmProxy"/>). Send requests to
/// <see cref="Url"/>; dispose it to close its port.
/// </summary>
public interface IFarmProxy : IAsyncDisposable
{
    /// <summary>Which proxy: "ours" or "YARP".</summary>
    string Kind { get; }

    /// <summary>The load-balancing policy, in the proxy's own naming (e.g. "power-of-two" or "PowerOfTwoChoices").</summary>
    string Policy { get; }

    /// <summary>The proxy's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    Uri BaseAddress { get; }

    /// <summary>The proxy's port on 127.0.0.1.</summary>
    int Port { get; }

    /// <summary>The absolute address of a path on the proxy, e.g. <c>Url("/fast")</c>.</summary>
    /// <param name="pathAndQuery">A path starting with '/', with optional query.</param>
    /// <returns>The absolute URI.</returns>
    Uri Url(string pathAndQuery);
}
