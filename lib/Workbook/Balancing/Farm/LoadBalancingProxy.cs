using System.Net;
using Microsoft.AspNetCore.Builder;

namespace Workbook.Balancing.Farm;

/// <summary>
/// The library's own reverse proxy: Kestrel on 127.0.0.1 in front, an <see cref="HttpMessageInvoker"/>
/// over a <see cref="SocketsHttpHandler"/> behind, and any <see cref="IBalancer"/> choosing the backend
/// of each request. Adds what a real proxy needs around the policy: passive outlier ejection, retry
/// of idempotent requests on another backend, a timeout on every forward, 503 at once when no
/// backend is healthy, and 502 rather than a second POST.
/// </summary>
/// <remarks>
/// <para>Every request and response is forwarded as is (method, path, query, headers except the
/// hop-by-hop ones, body), plus <c>X-Forwarded-For/Proto/Host</c>. Request bodies are buffered (up to
/// <see cref="ProxyOptions.MaxRequestBodySize"/>) so a retry can resend them; responses are streamed.</para>
/// <para>Thread-safety: serves any number of concurrent requests; <see cref="Stats"/>,
/// <see cref="Attempts"/> and <see cref="Events"/> may be read at any time. Disposal closes the port,
/// gives requests in flight up to a second, then aborts them; it is idempotent.</para>
/// </remarks>
public sealed class LoadBalancingProxy : IFarmProxy
{
    private readonly LoopbackHost host;
    private readonly HttpMessageInvoker invoker;
    private readonly ProxyCounters counters;

    private LoadBalancingProxy(LoopbackHost host, HttpMessageInvoker invoker, ProxyCounters counters, IBalancer balancer, ProxyOptions options)
    {
        this.host = host;
        this.invoker = invoker;
        this.counters = counters;
        Balancer = balancer;
        Options = options;
    }

    /// <inheritdoc />
    public string Kind => "ours";

    /// <inheritdoc />
    public string Policy => Balancer.Name;

    /// <summary>The balancer choosing the backends (a <see cref="Balancing.Balancer"/> for built-in policies: its <c>Snapshot()</c> shows health).</summary>
    public IBalancer Balancer { get; }

    /// <summary>The options the proxy was started with.</summary>
    public ProxyOptions Options { get; }

    /// <inheritdoc />
    public Uri BaseAddress => host.BaseAddress;

    /// <inheritdoc />
    public int Port => host.Port;

    /// <summary>The counters so far: requests, retries, 502/503/504 answers, and per-backend attempts.</summary>
    public ProxyStats Stats => counters.Snapshot();

    /// <summary>Every forward attempt so far, in completion order; empty unless <see cref="ProxyOptions.RecordAttempts"/> is on.</summary>
    public IReadOnlyList<ProxyAttempt> Attempts => counters.Attempts;

    /// <summary>Health changes seen so far (ejections, failed trials, readmissions), in order.</summary>
    public IReadOnlyList<ProxyEvent> Events => counters.Events;

    /// <summary>Time since the proxy started, on its clock (the time base of <see cref="Attempts"/> and <see cref="Events"/>).</summary>
    public TimeSpan Elapsed => counters.Now;

    /// <summary>Starts a proxy in front of <paramref name="farm"/>; it is serving when the task completes.</summary>
    /// <param name="farm">The backends (their addresses stay valid across kills and restarts).</param>
    /// <param name="options">Policy, ejection, retries and timeouts; defaults when null.</param>
    /// <param name="cancellationToken">Abandons the start; nothing is left listening.</param>
    /// <returns>The running proxy; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is invalid, or the balancer's backends do not match the farm.</exception>
    public static async Task<LoadBalancingProxy> StartAsync(BackendFarm farm, ProxyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(farm);
        options ??= new ProxyOptions();
        options.Validate();
        var backends = farm.ToBackends();
        IBalancer balancer = options.CreateBalancer is { } create
            ? create(backends, options.TimeProvider, options.Ejection) ?? throw new ArgumentException("CreateBalancer returned null.", nameof(options))
            : FarmPolicies.Create(options.Policy, backends, options.Seed, options.TimeProvider, options.Ejection);

        // Resolved once by backend index, so the request path is an array lookup.
        string[] addresses = balancer.Backends.Select(b => farm.FirstOrDefault(f => f.Name == b.Name) is { } match
            ? match.BaseAddress.GetLeftPart(UriPartial.Authority)
            : throw new ArgumentException($"The balancer's backend '{b.Name}' is not in the farm ({string.Join(", ", farm.Names)}).", nameof(options))).ToArray();
        if (addresses.Length > 64)
        {
            throw new ArgumentException($"The proxy supports up to 64 backends; the balancer has {addresses.Length}.", nameof(options));
        }

        var invoker = new HttpMessageInvoker(
            new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                ConnectTimeout = options.ForwardTimeout,
                ActivityHeadersPropagator = null, // no tracing headers: the proxy adds only what it says it adds
            },
            disposeHandler: true);
        var counters = new ProxyCounters(balancer.Backends.Select(b => b.Name).ToArray(), options.TimeProvider, options.RecordAttempts);
        var forwarder = new ProxyForwarder(balancer, addresses, invoker, options, counters);
        try
        {
            var host = await LoopbackHost.StartAsync(
                _ => { },
                app => ((IApplicationBuilder)app).Run(forwarder.HandleAsync),
                options.MaxRequestBodySize,
                cancellationToken).ConfigureAwait(false);
            return new LoadBalancingProxy(host, invoker, counters, balancer, options);
        }
        catch
        {
            invoker.Dispose();
            throw;
        }
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

    /// <summary>Stops the proxy: the port closes, requests in flight get up to a second, then are aborted.</summary>
    /// <returns>A task that completes when the port is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync().ConfigureAwait(false);
        invoker.Dispose();
    }

    /// <summary>E.g. "ours (round-robin) at http://127.0.0.1:41234/".</summary>
    /// <returns>The proxy as one line.</returns>
    public override string ToString() => $"{Kind} ({Policy}) at {BaseAddress}";
}
