using Workbook.Balancing;

namespace Workbook.Networking;

/// <summary>
/// Puts an <see cref="IBalancer"/> in front of real servers: for each request it picks a backend,
/// sends the request there (keeping its path and query) and tells the balancer how it went. Plug it
/// into the load generator with <c>WrapHandler = inner => new BalancingHandler(balancer, farm, inner)</c>.
/// </summary>
/// <remarks>
/// Thread-safety: as safe as the balancer (every built-in one allows concurrent picks). Outcomes: a
/// response below 500 is a success, 5xx or an exception a failure, cancellation (including the load
/// generator's per-request timeout) is reported as cancelled. The lease ends when the response
/// headers arrive, so its latency excludes reading the body. If the balancer has no healthy backend,
/// its <see cref="NoHealthyBackendException"/> propagates (the load generator counts it as an error).
/// </remarks>
public sealed class BalancingHandler : DelegatingHandler
{
    private readonly IBalancer balancer;
    private readonly Uri[] addresses;

    /// <summary>Routes to the servers of a farm; the balancer's backends must be named like the farm's servers.</summary>
    /// <param name="balancer">The policy.</param>
    /// <param name="farm">The servers; every backend name must be the name of one of them.</param>
    /// <param name="inner">The handler that sends the requests (the load generator passes its own).</param>
    /// <exception cref="ArgumentException">A backend has no server of that name.</exception>
    public BalancingHandler(IBalancer balancer, DemoServerGroup farm, HttpMessageHandler inner)
        : this(balancer, NotNull(farm).ToDictionary(s => s.Name, s => s.BaseAddress), inner)
    {
    }

    /// <summary>Routes to explicit addresses, one per backend name.</summary>
    /// <param name="balancer">The policy.</param>
    /// <param name="addresses">Base address per backend name, e.g. "backend0" → http://127.0.0.1:41234/.</param>
    /// <param name="inner">The handler that sends the requests.</param>
    /// <exception cref="ArgumentException">A backend has no address.</exception>
    public BalancingHandler(IBalancer balancer, IReadOnlyDictionary<string, Uri> addresses, HttpMessageHandler inner)
        // The base constructor would name its own parameter ("value"); name ours.
        : base(inner ?? throw new ArgumentNullException(nameof(inner)))
    {
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(addresses);
        this.balancer = balancer;
        // Resolve names once, by backend index, so the hot path is an array lookup.
        this.addresses = balancer.Backends.Select(b => addresses.TryGetValue(b.Name, out Uri? address)
            ? address
            : throw new ArgumentException($"Backend '{b.Name}' has no address; known: {string.Join(", ", addresses.Keys)}.", nameof(addresses))).ToArray();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using Lease lease = balancer.Pick();
        // Only scheme, host and port change: the path and query the caller asked for are kept.
        Uri original = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        request.RequestUri = new Uri(addresses[lease.Index], original.PathAndQuery);
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            lease.Complete((int)response.StatusCode >= 500 ? RequestOutcome.Failure : RequestOutcome.Success);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lease.Complete(RequestOutcome.Cancelled);
            throw;
        }
        catch (Exception)
        {
            lease.Complete(RequestOutcome.Failure);
            throw;
        }
    }

    private static DemoServerGroup NotNull(DemoServerGroup farm)
    {
        ArgumentNullException.ThrowIfNull(farm);
        return farm;
    }
}
