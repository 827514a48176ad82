using Workbook.Networking;

namespace Workbook.Capstone;

/// <summary>
/// Load-generator settings for quote traffic: every request asks for a key drawn from a
/// <see cref="ZipfKeys"/> sampler and goes through the target's routing (balancer and failover
/// for a farm). Pass the result to <see cref="LoadGenerator.RunAsync"/>.
/// </summary>
public static class QuoteLoad
{
    /// <summary>How long one request may take before the load generator gives up on it: 10 s, beyond any deadline of the service.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A closed loop: <paramref name="clients"/> users, each sending its next request as soon as the last one is answered.</summary>
    /// <param name="target">The service or farm.</param>
    /// <param name="keys">Where the keys come from.</param>
    /// <param name="clients">How many users, 1 or more.</param>
    /// <param name="duration">How long to keep sending.</param>
    /// <returns>The options.</returns>
    public static LoadOptions Closed(IQuoteTarget target, ZipfKeys keys, int clients, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clients);
        return Base(target, keys) with { Concurrency = clients, Duration = duration };
    }

    /// <summary>An open loop: requests leave at a fixed rate whether or not the earlier ones have been answered, like users arriving.</summary>
    /// <param name="target">The service or farm.</param>
    /// <param name="keys">Where the keys come from.</param>
    /// <param name="perSecond">Requests per second.</param>
    /// <param name="duration">How long to keep sending.</param>
    /// <param name="maxConnections">The most connections the users may hold open at once.</param>
    /// <returns>The options.</returns>
    public static LoadOptions Open(IQuoteTarget target, ZipfKeys keys, double perSecond, TimeSpan duration, int maxConnections = 512) =>
        Base(target, keys) with { RequestsPerSecond = perSecond, Duration = duration, Concurrency = maxConnections, IntervalWidth = TimeSpan.FromMilliseconds(250) };

    private static LoadOptions Base(IQuoteTarget target, ZipfKeys keys)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(keys);
        return new LoadOptions
        {
            RequestFactory = () => new HttpRequestMessage(HttpMethod.Get, target.QuoteUrl(keys.Next())),
            WrapHandler = target.Route,
            RequestTimeout = RequestTimeout,
        };
    }
}
