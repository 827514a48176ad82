namespace Workbook.Networking;

/// <summary>
/// What a <see cref="LoadGenerator"/> run sends, how hard and for how long. Set a target
/// (<see cref="Url"/> or <see cref="RequestFactory"/>) and a length (<see cref="TotalRequests"/> or
/// <see cref="Duration"/>); the shortcuts <see cref="Requests"/> and <see cref="For"/> do both.
/// </summary>
/// <remarks>
/// Immutable; validated when a run starts. Without <see cref="RequestsPerSecond"/> the run is a
/// closed loop: <see cref="Concurrency"/> clients each send a request, wait for the whole response
/// and send the next. With it the run is an open loop: requests leave on a fixed schedule whether
/// or not earlier ones have been answered, and <see cref="Concurrency"/> caps the connections.
/// </remarks>
public sealed record LoadOptions
{
    /// <summary>The URL every request GETs. Set this or <see cref="RequestFactory"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>Builds each request (e.g. a POST with a body, or a URL picked per request); called concurrently, so it must be thread-safe. Set this or <see cref="Url"/>.</summary>
    public Func<HttpRequestMessage>? RequestFactory { get; init; }

    /// <summary>Clients in the closed loop, and the most connections opened; 16 by default.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Stop after exactly this many requests (across all clients). Set this or <see cref="Duration"/>.</summary>
    public long? TotalRequests { get; init; }

    /// <summary>Stop starting requests after this long (those in flight still finish). Set this or <see cref="TotalRequests"/>.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Open loop: send this many requests per second on a fixed schedule. Null (the default) for a closed loop.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>The most one request may take, body included, before it is abandoned and counted as a "timeout" error; 10 s by default.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a connection may be reused before it is replaced (so DNS changes are noticed), in HttpClient's pool and by each raw-socket client alike; 2 minutes by default.</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The width of the slices in <see cref="LoadResult.Intervals"/>; one second by default.</summary>
    public TimeSpan IntervalWidth { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Optional: wraps the generator's <see cref="SocketsHttpHandler"/> in your own handler, e.g. a
    /// <see cref="DelegatingHandler"/> that picks a backend per request. The wrapper owns the handler
    /// it is given and must dispose it.
    /// </summary>
    public Func<SocketsHttpHandler, HttpMessageHandler>? WrapHandler { get; init; }

    /// <summary>
    /// Which client sends the requests; <see cref="LoadClient.Auto"/> by default: raw keep-alive sockets
    /// (one per client, like <c>wrk</c>) for a closed loop of GETs of an http <see cref="Url"/>, and the
    /// shared <see cref="HttpClient"/> for everything else (open loop, https, <see cref="RequestFactory"/>,
    /// <see cref="WrapHandler"/>). Asking for <see cref="LoadClient.Sockets"/> where it cannot work is
    /// refused when the run starts.
    /// </summary>
    public LoadClient Client { get; init; } = LoadClient.Auto;

    /// <summary>A closed-loop run of exactly <paramref name="total"/> GETs of <paramref name="url"/>.</summary>
    /// <param name="url">The target.</param>
    /// <param name="total">How many requests, 1 or more.</param>
    /// <param name="concurrency">How many clients, 1 or more.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> or <paramref name="concurrency"/> is not positive.</exception>
    public static LoadOptions Requests(Uri url, long total, int concurrency = 16)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        return new() { Url = url, TotalRequests = total, Concurrency = concurrency };
    }

    /// <summary>A closed-loop run of GETs of <paramref name="url"/> lasting <paramref name="duration"/>.</summary>
    /// <param name="url">The target.</param>
    /// <param name="duration">How long to keep starting requests.</param>
    /// <param name="concurrency">How many clients, 1 or more.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> or <paramref name="concurrency"/> is not positive.</exception>
    public static LoadOptions For(Uri url, TimeSpan duration, int concurrency = 16)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        return new() { Url = url, Duration = duration, Concurrency = concurrency };
    }

    /// <summary>Whether the run follows a fixed schedule (<see cref="RequestsPerSecond"/> is set).</summary>
    internal bool IsOpenLoop => RequestsPerSecond is not null;

    /// <summary>The client the run really uses: <see cref="Client"/> with <see cref="LoadClient.Auto"/> decided. Call after <see cref="Validate"/>.</summary>
    internal LoadClient ChosenClient => Client switch
    {
        LoadClient.Auto => WhySocketsCannot() is null ? LoadClient.Sockets : LoadClient.HttpClient,
        _ => Client,
    };

    /// <summary>Why the raw-socket client cannot run these options, or null when it can.</summary>
    private string? WhySocketsCannot() =>
        IsOpenLoop ? "the open loop (RequestsPerSecond is set) always sends through HttpClient"
        : RequestFactory is not null ? "a RequestFactory can build any request, and only HttpClient sends arbitrary requests"
        : WrapHandler is not null ? "a WrapHandler wraps HttpClient's handler, which the socket client does not use"
        : Url is null || Url.Scheme != Uri.UriSchemeHttp ? "only plain http URLs can be sent over raw sockets (https needs TLS, which HttpClient does)"
        : null;

    /// <summary>Throws a clear exception naming the first setting that makes no sense.</summary>
    internal void Validate()
    {
        if ((Url is null) == (RequestFactory is null))
        {
            throw new ArgumentException("Set exactly one of Url and RequestFactory: the generator needs to know what to send.");
        }

        if (Url is not null && (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"The URL '{Url}' must be an absolute http or https address.", nameof(Url));
        }

        if ((TotalRequests is null) == (Duration is null))
        {
            throw new ArgumentException("Set exactly one of TotalRequests and Duration: the generator needs to know when to stop.");
        }

        if (!Enum.IsDefined(Client))
        {
            throw new ArgumentOutOfRangeException(nameof(Client), Client, "Client must be LoadClient.Auto, LoadClient.HttpClient or LoadClient.Sockets.");
        }

        if (Client == LoadClient.Sockets && WhySocketsCannot() is { } reason)
        {
            throw new ArgumentException($"Client = LoadClient.Sockets is not possible here: {reason}. Use LoadClient.Auto or LoadClient.HttpClient.", nameof(Client));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Concurrency, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Concurrency, 10_000, nameof(Concurrency));
        if (TotalRequests is { } total)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total, nameof(TotalRequests));
        }

        if (Duration is { } duration)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero, nameof(Duration));
        }

        if (RequestsPerSecond is { } rate && (!double.IsFinite(rate) || rate <= 0 || rate > 1_000_000))
        {
            throw new ArgumentOutOfRangeException(nameof(RequestsPerSecond), rate, "The open-loop rate must be between 0 (exclusive) and 1,000,000 requests per second.");
        }

        if (IsOpenLoop && ScheduledRequests() > 50_000_000)
        {
            throw new ArgumentException("An open-loop run may schedule at most 50 million requests; lower the rate or the duration.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PooledConnectionLifetime, TimeSpan.Zero, nameof(PooledConnectionLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(IntervalWidth, TimeSpan.FromMilliseconds(10), nameof(IntervalWidth));
    }

    /// <summary>In an open loop, how many requests the schedule holds.</summary>
    internal long ScheduledRequests() =>
        TotalRequests ?? (long)Math.Ceiling(RequestsPerSecond!.Value * Duration!.Value.TotalSeconds);
}
