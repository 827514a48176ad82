using System.Diagnostics;
using Workbook.Networking;

namespace Workbook.Capstone;

/// <summary>
/// Asks "can the service still answer anything while it is busy?": keeps it busy with quote traffic
/// and meanwhile sends a cheap <c>/health</c> request every 20 ms, timing each, and samples the thread pool.
/// </summary>
/// <remarks>Every request is bounded by the load generator's timeout or a 10 s probe timeout; nothing outlives the call.</remarks>
public static class ResponsivenessProbe
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs <paramref name="clients"/> closed-loop users against <paramref name="service"/> for <paramref name="duration"/>, probing <c>/health</c> meanwhile.</summary>
    /// <param name="service">The service to probe.</param>
    /// <param name="keys">The keys the users ask for.</param>
    /// <param name="clients">Users, 1 or more.</param>
    /// <param name="duration">How long.</param>
    /// <param name="cancellationToken">Stops early (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The load, the probe times and the thread samples.</returns>
    public static async Task<ProbeResult> RunAsync(CapstoneService service, ZipfKeys keys, int clients, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        using var sampler = new ThreadCountSampler(TimeSpan.FromMilliseconds(50));
        using var probeClient = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<LoadResult> load = LoadGenerator.RunAsync(QuoteLoad.Closed(service, keys, clients, duration), cancellationToken);
        var times = new List<double>();
        // The probe loop runs on its own thread: a pool thread would itself be stuck in the queue it is trying to measure.
        Task probing = Task.Factory.StartNew(
            () =>
            {
                while (!load.IsCompleted && !stop.IsCancellationRequested)
                {
                    long start = Stopwatch.GetTimestamp();
                    try
                    {
                        using HttpResponseMessage response = probeClient.Send(new HttpRequestMessage(HttpMethod.Get, service.HealthUrl), stop.Token);
                        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        return;
                    }

                    stop.Token.WaitHandle.WaitOne(ProbeEvery);
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            LoadResult result = await load.ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await probing.ConfigureAwait(false);
            return new ProbeResult(result, times, sampler.Stop());
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await probing.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
