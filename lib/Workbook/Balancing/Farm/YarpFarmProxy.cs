using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace Workbook.Balancing.Farm;

/// <summary>
/// YARP (Microsoft's reverse-proxy library) in front of a <see cref="BackendFarm"/>, configured in code:
/// one catch-all route, one cluster whose destinations are the farm's backends, and one of YARP's
/// load-balancing policies. Listens on 127.0.0.1 and a free port, like the library's own proxy.
/// </summary>
/// <remarks>
/// <para>YARP forwards HTTP/1.1 here (the backends speak nothing else on cleartext), with a per-forward
/// activity timeout. Out of the box it does not retry a failed request on another backend, and its
/// passive health checks are off unless configured; this class keeps those defaults.</para>
/// <para>Thread-safety: serves any number of concurrent requests. Disposal closes the port (requests
/// in flight get up to a second) and is idempotent.</para>
/// </remarks>
public sealed class YarpFarmProxy : IFarmProxy
{
    /// <summary>YARP's round-robin policy name.</summary>
    public const string RoundRobin = "RoundRobin";

    /// <summary>YARP's least-requests policy name (fewest requests in flight, full scan).</summary>
    public const string LeastRequests = "LeastRequests";

    /// <summary>YARP's power-of-two-choices policy name (its default).</summary>
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";

    private readonly LoopbackHost host;

    private YarpFarmProxy(LoopbackHost host, string policy)
    {
        this.host = host;
        Policy = policy;
    }

    /// <summary>The YARP policies the workbook compares: round-robin, least requests, power of two choices.</summary>
    public static IReadOnlyList<string> Policies { get; } = [RoundRobin, LeastRequests, PowerOfTwoChoices];

    /// <inheritdoc />
    public string Kind => "YARP";

    /// <inheritdoc />
    public string Policy { get; }

    /// <inheritdoc />
    public Uri BaseAddress => host.BaseAddress;

    /// <inheritdoc />
    public int Port => host.Port;

    /// <summary>Starts YARP in front of <paramref name="farm"/> with load-balancing policy <paramref name="policy"/>.</summary>
    /// <param name="farm">The backends.</param>
    /// <param name="policy">A YARP policy name, e.g. <see cref="PowerOfTwoChoices"/> (also "Random" and "FirstAlphabetical").</param>
    /// <param name="forwardTimeout">YARP's activity timeout per forward; 10 s when null.</param>
    /// <param name="cancellationToken">Abandons the start; nothing is left listening.</param>
    /// <returns>The running proxy; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The policy is not one of YARP's.</exception>
    public static async Task<YarpFarmProxy> StartAsync(BackendFarm farm, string policy = PowerOfTwoChoices, TimeSpan? forwardTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(farm);
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        string[] known = [RoundRobin, LeastRequests, PowerOfTwoChoices, LoadBalancingPolicies.Random, LoadBalancingPolicies.FirstAlphabetical];
        string name = known.FirstOrDefault(k => string.Equals(k, policy.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown YARP policy '{policy}'. Known: {string.Join(", ", known)}.", nameof(policy));
        var timeout = forwardTimeout ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(forwardTimeout));

        RouteConfig[] routes = [new() { RouteId = "farm", ClusterId = "farm", Match = new RouteMatch { Path = "{**catch-all}" } }];
        ClusterConfig[] clusters =
        [
            new()
            {
                ClusterId = "farm",
                LoadBalancingPolicy = name,
                Destinations = farm.ToDictionary(b => b.Name, b => new DestinationConfig { Address = b.BaseAddress.ToString() }),
                HttpRequest = new ForwarderRequestConfig
                {
                    ActivityTimeout = timeout,
                    Version = HttpVersion.Version11,
                    VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
                },
            },
        ];
        var host = await LoopbackHost.StartAsync(
            services =>
            {
                services.AddRoutingCore();
                services.AddReverseProxy().LoadFromMemory(routes, clusters);
            },
            app => app.MapReverseProxy(),
            maxRequestBodySize: 1024 * 1024,
            cancellationToken).ConfigureAwait(false);
        return new YarpFarmProxy(host, name);
    }

    /// <inheritdoc />
    public Uri Url(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        if (!pathAndQuery.StartsWith('/'))
        {
            throw new ArgumentException($"The path '{pathAndQuery}' must start with '/'.", nameof(pathAndQuery));
        }

        return new Uri(BaseAddress, pathAndQuery);
    }

    /// <summary>Stops YARP: the port closes, requests in flight get up to a second, then are aborted.</summary>
    /// <returns>A task that completes when the port is closed.</returns>
    public ValueTask DisposeAsync() => host.DisposeAsync();

    /// <summary>E.g. "YARP (PowerOfTwoChoices) at http://127.0.0.1:41234/".</summary>
    /// <returns>The proxy as one line.</returns>
    public override string ToString() => $"{Kind} ({Policy}) at {BaseAddress}";
}
