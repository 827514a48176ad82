using Workbook.Balancing;

namespace Workbook.Capstone;

/// <summary>
/// Client-side routing for the load generator: every GET goes through an <see cref="IInstanceRouter"/>
/// that picks an instance with a balancer and retries a failure once on another instance. Plug it in
/// with <c>WrapHandler = inner => new FailoverHandler(balancer, addresses, inner)</c>
/// (a <see cref="ServiceFarm"/> does this for you).
/// </summary>
/// <remarks>
/// Thread-safety: as safe as the router and the balancer (the library's are). Only GET requests
/// without a body are supported, because a retry re-sends the request. Disposing the handler
/// disposes the inner handler.
/// </remarks>
public sealed class FailoverHandler : HttpMessageHandler
{
    private readonly IBalancer _balancer;
    private readonly Uri[] _instances;
    private readonly IInstanceRouter _router;
    private readonly HttpClient _client;

    /// <summary>Routes over <paramref name="instances"/>, whose order matches the balancer's backends.</summary>
    /// <param name="balancer">The policy.</param>
    /// <param name="instances">One base address per backend index.</param>
    /// <param name="inner">The handler that sends the requests; owned by this handler from now on.</param>
    /// <param name="router">The routing and retry logic; the library's when null.</param>
    /// <exception cref="ArgumentException">The number of addresses differs from the balancer's backends.</exception>
    public FailoverHandler(IBalancer balancer, IReadOnlyList<Uri> instances, HttpMessageHandler inner, IInstanceRouter? router = null)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(inner);
        if (instances.Count != balancer.Backends.Count)
        {
            throw new ArgumentException($"The balancer has {balancer.Backends.Count} backends but {instances.Count} addresses were given.", nameof(instances));
        }

        _balancer = balancer;
        _instances = [.. instances];
        _router = router ?? new FailoverRouter();
        // Requests are bounded by the caller's token (the load generator's per-request timeout), not by HttpClient's 100 s default.
        _client = new HttpClient(inner, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Get || request.Content is not null)
        {
            throw new NotSupportedException("FailoverHandler retries requests, so it only sends GET requests without a body.");
        }

        string pathAndQuery = request.RequestUri?.PathAndQuery ?? throw new ArgumentException("The request has no URI.", nameof(request));
        return _router.SendAsync(_client, _balancer, _instances, pathAndQuery, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client.Dispose();
        }

        base.Dispose(disposing);
    }
}
