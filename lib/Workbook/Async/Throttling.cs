using System.Diagnostics;

namespace Workbook.Async;

/// <summary>
/// Runs a batch of <see cref="SimulatedDownloads"/> with a limit on how many are in flight, using
/// <c>SemaphoreSlim</c> or <c>Parallel.ForEachAsync</c>, and measures time against the ideal.
/// </summary>
/// <remarks>
/// Stateless and thread-safe (each call makes its own fake server). Cancelling stops the batch
/// with <see cref="OperationCanceledException"/>; downloads in flight are cancelled with it.
/// </remarks>
public static class Throttling
{
    /// <summary>Runs one batch.</summary>
    /// <param name="method">How to limit concurrency.</param>
    /// <param name="downloads">How many downloads (at least 1).</param>
    /// <param name="limit">The most in flight at once (at least 1; ignored by <see cref="ThrottleMethod.Unlimited"/>, which reports <paramref name="downloads"/>).</param>
    /// <param name="latency">How long one download takes (positive).</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static async Task<ThrottleResult> RunAsync(
        ThrottleMethod method, int downloads, int limit, TimeSpan latency, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(downloads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var server = new SimulatedDownloads(latency);
        IReadOnlyList<string> urls = SimulatedDownloads.Urls(downloads);
        int completed = 0;
        long start = Stopwatch.GetTimestamp();
        switch (method)
        {
            case ThrottleMethod.SemaphoreSlim:
                using (var gate = new SemaphoreSlim(limit))
                {
                    await Task.WhenAll(urls.Select(async url =>
                    {
                        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                        try
                        {
                            await server.FetchAsync(url, cancellationToken).ConfigureAwait(false);
                            Interlocked.Increment(ref completed);
                        }
                        finally
                        {
                            // In finally: a failed download must still hand its slot to the next one.
                            gate.Release();
                        }
                    })).ConfigureAwait(false);
                }

                break;
            case ThrottleMethod.ParallelForEachAsync:
                var options = new ParallelOptions { MaxDegreeOfParallelism = limit, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(urls, options, async (url, token) =>
                {
                    await server.FetchAsync(url, token).ConfigureAwait(false);
                    Interlocked.Increment(ref completed);
                }).ConfigureAwait(false);
                break;
            case ThrottleMethod.Unlimited:
                limit = downloads;
                await Task.WhenAll(urls.Select(async url =>
                {
                    await server.FetchAsync(url, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref completed);
                })).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown throttle method.");
        }

        return new ThrottleResult(method, downloads, limit, latency, Stopwatch.GetElapsedTime(start), server.InFlight.Peak, completed);
    }

    /// <summary>Runs one batch per limit, in the order given, after one small unmeasured warm-up batch.</summary>
    /// <param name="method">How to limit concurrency.</param>
    /// <param name="downloads">How many downloads per batch.</param>
    /// <param name="limits">The limits to try (each at least 1).</param>
    /// <param name="latency">How long one download takes.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>One result per limit.</returns>
    public static async Task<IReadOnlyList<ThrottleResult>> SweepAsync(
        ThrottleMethod method, int downloads, IEnumerable<int> limits, TimeSpan latency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        int[] list = [.. limits];
        if (list.Length == 0)
        {
            throw new ArgumentException("Give at least one limit to sweep.", nameof(limits));
        }

        await RunAsync(method, Math.Min(downloads, 8), 4, TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        var results = new List<ThrottleResult>(list.Length);
        foreach (int limit in list)
        {
            results.Add(await RunAsync(method, downloads, limit, latency, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
