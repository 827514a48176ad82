using System.Diagnostics;

namespace Workbook.Networking;

/// <summary>
/// The same batch of concurrent slow requests (e.g. <c>/delay?ms=100</c>) made by blocking calls on
/// thread-pool threads or by awaiting: blocking holds one thread per waiting request, so the pool
/// must grow (slowly) to get through them; awaiting holds none.
/// </summary>
/// <remarks>
/// Thread-safe, but it measures a process-wide quantity (<see cref="ThreadPool.ThreadCount"/>), so run
/// one batch at a time. The pool keeps the threads it added for a while (idle ones retire after
/// about 20 s), which is why <see cref="CompareAsync"/> runs the async batch first. Blocking calls
/// starve everything else in the process that needs the pool, including a <see cref="DemoServer"/>
/// running in it; the batch still ends, because the pool keeps adding threads.
/// </remarks>
public static class BlockingVsAsync
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(10);

    /// <summary>Sends <paramref name="requests"/> GETs of <paramref name="url"/> all at once, in the given style.</summary>
    /// <param name="url">A slow endpoint, e.g. <c>server.Url("/delay?ms=100")</c>.</param>
    /// <param name="requests">
    /// How many concurrent requests, 1 or more. Blocking batches are slow to finish because the pool
    /// adds threads gradually: on a 2-core machine 100 blocking 100 ms requests took about 90 s
    /// with the server in the same process, so keep blocking batches small (10-30) in a notebook.
    /// </param>
    /// <param name="style">Blocking or async.</param>
    /// <param name="cancellationToken">Abandons the batch.</param>
    /// <returns>Elapsed time and thread-pool growth.</returns>
    public static async Task<ThreadUsageResult> RunAsync(Uri url, int requests, ClientStyle style, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        if (!Enum.IsDefined(style))
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, "Use ClientStyle.Blocking or ClientStyle.Async.");
        }

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        int before = ThreadPool.ThreadCount;
        using var sampler = new ThreadCountSampler(SampleEvery);
        long start = Stopwatch.GetTimestamp();
        bool[] ok = await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => style == ClientStyle.Blocking
            // Task.Run puts each blocking call on a pool thread, where it sits until its response arrives.
            ? Task.Run(() => SendBlocking(client, url, cancellationToken), cancellationToken)
            : SendAwaitingAsync(client, url, cancellationToken))).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        int after = ThreadPool.ThreadCount;
        IReadOnlyList<ThreadSample> timeline = sampler.Stop();
        int peak = timeline.Select(s => s.Threads).Append(before).Append(after).Max();
        int peakBusy = timeline.Select(s => s.Busy).DefaultIfEmpty(0).Max();
        return new ThreadUsageResult(style, requests, ok.Count(r => !r), elapsed, before, after, peak, peakBusy, timeline);
    }

    /// <summary>Runs the async batch, then the blocking one, and returns both (async first).</summary>
    /// <param name="url">A slow endpoint, e.g. <c>server.Url("/delay?ms=100")</c>.</param>
    /// <param name="requests">How many concurrent requests per batch, 1 or more.</param>
    /// <param name="cancellationToken">Abandons the comparison.</param>
    /// <returns>The async result and the blocking result.</returns>
    public static async Task<(ThreadUsageResult Async, ThreadUsageResult Blocking)> CompareAsync(Uri url, int requests, CancellationToken cancellationToken = default)
    {
        ThreadUsageResult awaiting = await RunAsync(url, requests, ClientStyle.Async, cancellationToken).ConfigureAwait(false);
        ThreadUsageResult blocking = await RunAsync(url, requests, ClientStyle.Blocking, cancellationToken).ConfigureAwait(false);
        return (awaiting, blocking);
    }

    private static bool SendBlocking(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using HttpResponseMessage response = client.Send(request, cancellationToken);
            response.Content.ReadAsStream(cancellationToken).CopyTo(Stream.Null);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<bool> SendAwaitingAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            await response.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
