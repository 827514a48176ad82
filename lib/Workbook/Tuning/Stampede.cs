using System.Diagnostics;
using Workbook.Charts;
using Workbook.Measurement;
using XPlot.Plotly;

namespace Workbook.Tuning;

/// <summary>
/// A cache stampede on demand: many requests for the same key arrive together, while the key is
/// not cached yet, and the demo counts how many of them reach the backend.
/// </summary>
/// <remarks>
/// The requests are issued from several dedicated threads released by one start gate, so that
/// they really arrive at the same moment (from a single thread they would be issued one after
/// another, and some races would never show). A fetch completes only after its backend latency
/// and after every request has been issued: on a busy machine issuing 1,000 requests can take longer
/// than the latency, and the demo is about requests that all arrive while the key is missing. Every wait is bounded: a cache that blocks or never
/// completes makes the run end with <see cref="TimeoutException"/> instead of hanging.
/// Thread-safe: each call uses its own backend unless one is passed in.
/// </remarks>
public static class Stampede
{
    /// <summary>The default number of concurrent requests.</summary>
    public const int DefaultRequests = 1_000;

    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    /// <summary>A backend like the one <see cref="RunAsync"/> uses by default: 250 ms of I/O after 1 ms of synchronous work.</summary>
    /// <returns>A new backend.</returns>
    /// <remarks>
    /// The 1 ms of synchronous work runs inside the factory of a cache that starts its fetch from
    /// <c>GetOrAdd</c>'s value factory, so threads that miss within that millisecond each start a
    /// fetch: the race is visible on 2 cores. A naive cache's misses each pay it on their client
    /// thread; <see cref="RunAsync"/> holds the answers until every request is issued anyway.
    /// </remarks>
    public static CountingBackend DefaultBackend() => new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(1));

    /// <summary>Sends <paramref name="requests"/> concurrent requests for <paramref name="key"/> through <paramref name="cache"/>.</summary>
    /// <param name="cache">The cache under test (fresh, so the key is not cached yet).</param>
    /// <param name="requests">How many requests; at least 1.</param>
    /// <param name="key">The key every request asks for.</param>
    /// <param name="backend">The backend to count calls on; <see cref="DefaultBackend"/> when null.</param>
    /// <param name="cancellationToken">Stops waiting for the answers.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requests"/> is not positive.</exception>
    /// <exception cref="TimeoutException">The cache did not answer every request within 30 s.</exception>
    public static async Task<StampedeResult> RunAsync(
        IAsyncCache cache,
        int requests = DefaultRequests,
        string key = "product:42",
        CountingBackend? backend = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        backend ??= DefaultBackend();
        int threads = Math.Min(requests, Math.Max(4, 2 * Environment.ProcessorCount));
        var tasks = new Task<string>[requests];
        var issued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int remaining = threads;
        // Not disposed: after a time-out a client thread may still be inside the cache's code.
        var gate = new Barrier(threads);
        long start = 0;

        // Each fetch's answer is held back until every request has been issued, so all of them are
        // concurrent however slowly a busy machine issues them; the hold is bounded like every wait.
        async Task<string> Fetch(string k)
        {
            string value = await backend.FetchAsync(k).ConfigureAwait(false);
            await issued.Task.WaitAsync(s_bound, cancellationToken).ConfigureAwait(false);
            return value;
        }

        for (int t = 0; t < threads; t++)
        {
            int first = t;
            new Thread(() =>
            {
                gate.SignalAndWait();
                Interlocked.CompareExchange(ref start, Stopwatch.GetTimestamp(), 0);

                // Thread t issues requests t, t + threads, t + 2 * threads, ...: all threads fire at once.
                for (int i = first; i < requests; i += threads)
                {
                    tasks[i] = Issue(cache, key, Fetch);
                }

                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    issued.TrySetResult();
                }
            })
            { IsBackground = true, Name = $"stampede client {t}" }.Start();
        }

        await Wait(issued.Task, "issue its requests (a GetAsync call blocked its thread)", cancellationToken).ConfigureAwait(false);
        Task all = Task.WhenAll(tasks);
        try
        {
            await Wait(all, "answer every request", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (all.IsFaulted)
        {
            // Failed requests are counted below; the demo reports them rather than throwing.
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(Interlocked.Read(ref start));
        int failed = tasks.Count(task => !task.IsCompletedSuccessfully);
        int distinct = tasks.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result).Distinct(StringComparer.Ordinal).Count();
        return new StampedeResult(cache.GetType().Name, requests, backend.Calls, backend.PeakInFlight, distinct, failed, elapsed);
    }

    /// <summary>Backend calls per cache as bars on a logarithmic axis (1 and 1,000 side by side), each labelled with its count.</summary>
    /// <param name="results">Results of <see cref="RunAsync"/>.</param>
    /// <param name="title">The chart title; a default naming the request count when null.</param>
    /// <returns>The chart.</returns>
    public static PlotlyChart Chart(IEnumerable<StampedeResult> results, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var bars = new Bar
        {
            x = list.Select(r => r.Cache).ToArray(),
            y = list.Select(r => (double)r.BackendCalls).ToArray(),
            text = list.Select(r => NumberText.Count(r.BackendCalls)).ToArray(),
        };
        string heading = title ?? $"Backend calls for {(list.Count > 0 ? NumberText.Count(list[0].Requests) : "0")} concurrent requests of one uncached key";
        HouseLayout layout = Plot.NewLayout(heading, "cache", "backend calls (log scale)");
        layout.yaxis.type = "log";
        layout.showlegend = false;
        return Plot.Finish([bars], layout);
    }

    private static Task<string> Issue(IAsyncCache cache, string key, Func<string, Task<string>> fetch)
    {
        try
        {
            return cache.GetAsync(key, fetch) ?? Task.FromException<string>(new InvalidOperationException("GetAsync returned null instead of a task."));
        }
        catch (Exception error)
        {
            return Task.FromException<string>(error);
        }
    }

    private static async Task Wait(Task task, string what, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(s_bound, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"The cache did not {what} within {s_bound.TotalSeconds:0} s.");
        }
    }
}
