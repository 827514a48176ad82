using System.Diagnostics;

namespace Workbook.Networking;

/// <summary>
/// HttpClient done right and wrong, side by side: the same requests sent through one shared client,
/// or through a new client per request (the classic mistake that opens a connection per request and
/// leaves a socket in TIME_WAIT behind each). Connections are counted by the server as it accepts them.
/// </summary>
/// <remarks>
/// Thread-safe: each call builds its own clients and disposes them before returning. Measure one
/// pattern at a time against a given server, since the counts are differences of its counters.
/// Cancellation abandons the run with <see cref="OperationCanceledException"/>.
/// </remarks>
public static class ClientReuse
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(2);

    /// <summary>Sends <paramref name="requests"/> GETs of <c>/fast</c> through one shared client.</summary>
    /// <param name="server">The server to call (its connection counter is read before and after).</param>
    /// <param name="requests">How many requests, 1 or more.</param>
    /// <param name="concurrency">How many requests are in flight at once, 1 or more.</param>
    /// <param name="cancellationToken">Abandons the run.</param>
    /// <returns>Elapsed time and connections opened.</returns>
    public static Task<ClientReuseResult> SharedClientAsync(DemoServer server, int requests, int concurrency = 4, CancellationToken cancellationToken = default) =>
        RunAsync(server, requests, concurrency, shared: true, cancellationToken);

    /// <summary>Sends <paramref name="requests"/> GETs of <c>/fast</c>, each through a new client that is disposed after it.</summary>
    /// <param name="server">The server to call (its connection counter is read before and after).</param>
    /// <param name="requests">How many requests, 1 or more.</param>
    /// <param name="concurrency">How many requests are in flight at once, 1 or more.</param>
    /// <param name="cancellationToken">Abandons the run.</param>
    /// <returns>Elapsed time and connections opened.</returns>
    public static Task<ClientReuseResult> ClientPerRequestAsync(DemoServer server, int requests, int concurrency = 4, CancellationToken cancellationToken = default) =>
        RunAsync(server, requests, concurrency, shared: false, cancellationToken);

    /// <summary>Runs both patterns, shared first, and puts them side by side.</summary>
    /// <param name="server">The server to call.</param>
    /// <param name="requests">How many requests per pattern, 1 or more.</param>
    /// <param name="concurrency">How many requests are in flight at once, 1 or more.</param>
    /// <param name="cancellationToken">Abandons the run.</param>
    /// <returns>Both results.</returns>
    public static async Task<ClientReuseComparison> CompareAsync(DemoServer server, int requests, int concurrency = 4, CancellationToken cancellationToken = default)
    {
        ClientReuseResult shared = await SharedClientAsync(server, requests, concurrency, cancellationToken).ConfigureAwait(false);
        ClientReuseResult perRequest = await ClientPerRequestAsync(server, requests, concurrency, cancellationToken).ConfigureAwait(false);
        return new ClientReuseComparison(shared, perRequest);
    }

    private static async Task<ClientReuseResult> RunAsync(DemoServer server, int requests, int concurrency, bool shared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        Uri url = server.Url("/fast");
        DemoServerStats before = server.Stats;
        int timeWaitBefore = SocketCensus.Count(server.Port)?.TimeWait ?? 0;
        HttpClient? sharedClient = shared ? NewClient(concurrency) : null;
        int remaining = requests, failures = 0;
        long start = Stopwatch.GetTimestamp();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, requests)).Select(async _ =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    HttpClient client = sharedClient ?? NewClient(concurrency);
                    try
                    {
                        using HttpResponseMessage response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
                        await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    finally
                    {
                        // The mistake being shown: the client (and its connection pool) dies with the request.
                        if (sharedClient is null)
                        {
                            client.Dispose();
                        }
                    }
                }
            })).ConfigureAwait(false);
        }
        finally
        {
            sharedClient?.Dispose();
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        await SettleAsync(server, before.ConnectionsOpen, cancellationToken).ConfigureAwait(false);
        int? timeWait = SocketCensus.Count(server.Port)?.TimeWait - timeWaitBefore;
        return new ClientReuseResult(
            shared ? "shared client" : "client per request",
            requests,
            failures,
            elapsed,
            server.Stats.ConnectionsAccepted - before.ConnectionsAccepted,
            timeWait is { } n ? Math.Max(0, n) : null);
    }

    // The cap is what a well-configured shared client has anyway (chapter 05's advice); without it the
    // pool may open a fifth connection when a request starts in the instant before a finished one has
    // been handed back, which would blur the count this comparison is about.
    private static HttpClient NewClient(int maxConnections) =>
        new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = maxConnections });

    /// <summary>Gives the server a moment (bounded) to notice the closed connections, so the socket census sees their final state.</summary>
    private static async Task SettleAsync(DemoServer server, int openBefore, CancellationToken cancellationToken)
    {
        long limit = Stopwatch.GetTimestamp() + (long)(SettleLimit.TotalSeconds * Stopwatch.Frequency);
        while (server.Stats.ConnectionsOpen > openBefore && Stopwatch.GetTimestamp() < limit)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }
}
