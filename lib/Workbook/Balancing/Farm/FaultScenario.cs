using System.Diagnostics;
using System.Text;
using Workbook.Networking;

namespace Workbook.Balancing.Farm;

/// <summary>
/// Faults on a real loopback farm behind our proxy, each in one call that starts and stops everything
/// it needs: a backend killed and restarted under load (<see cref="RunAsync"/>), every backend dead
/// (<see cref="AllDownAsync"/>), and a backend killed while it holds one request (<see cref="KillDuringRequestAsync"/>).
/// </summary>
/// <remarks>
/// Thread-safety: calls are independent. Every wait is bounded (a scenario that cannot reach its next
/// step fails with <see cref="TimeoutException"/> instead of hanging), and every server is stopped
/// before the call returns, also on failure or cancellation.
/// </remarks>
public static class FaultScenario
{
    private static readonly TimeSpan StepBound = TimeSpan.FromSeconds(30);

    /// <summary>Runs steady load through our proxy, kills one backend mid-run and restarts it later on the same port.</summary>
    /// <param name="options">The farm, policy, schedule and ejection settings; defaults when null.</param>
    /// <param name="cancellationToken">Stops the run (it then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>Failed client requests, ejection and readmission times, what reached the victim, and a timeline.</returns>
    public static async Task<FaultReport> RunAsync(FaultOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FaultOptions();
        options.Validate();
        var farm = await BackendFarm.StartAsync(options.Farm, cancellationToken).ConfigureAwait(false);
        await using (farm.ConfigureAwait(false))
        {
            var proxy = await LoadBalancingProxy.StartAsync(farm, new ProxyOptions
            {
                Policy = options.Policy,
                Seed = options.Seed,
                Ejection = options.Ejection,
                MaxAttempts = options.MaxAttempts,
                RecordAttempts = true,
            }, cancellationToken).ConfigureAwait(false);
            await using (proxy.ConfigureAwait(false))
            {
                // A short warm-up, so that the run measures the fault and not the first connections.
                await LoadGenerator.RunAsync(LoadOptions.Requests(proxy.Url(options.Path), 100, options.Concurrency), cancellationToken).ConfigureAwait(false);
                return await KillAndRestartAsync(farm, proxy, options, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Kills every backend of a healthy farm and sends <paramref name="requests"/> GETs, one after another, through our proxy.</summary>
    /// <param name="requests">How many requests after the kill (1 or more; 100 by default).</param>
    /// <param name="backends">How many backends (1 or more; 3 by default).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>How many 502s (while the proxy learns), how many 503s, and how fast they came.</returns>
    public static async Task<AllDownReport> AllDownAsync(int requests = 100, int backends = 3, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);
        var farm = await BackendFarm.StartAsync(new FarmOptions { Backends = backends, Latency = TimeSpan.Zero }, cancellationToken).ConfigureAwait(false);
        await using (farm.ConfigureAwait(false))
        {
            var ejection = new EjectionOptions { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(30) };
            var proxy = await LoadBalancingProxy.StartAsync(farm, new ProxyOptions { Ejection = ejection }, cancellationToken).ConfigureAwait(false);
            await using (proxy.ConfigureAwait(false))
            {
                using var client = NewClient();
                for (int i = 0; i < 3 * backends; i++)
                {
                    using var warm = await client.GetAsync(proxy.Url("/fast"), cancellationToken).ConfigureAwait(false);
                    warm.EnsureSuccessStatusCode();
                }

                for (int i = 0; i < farm.Count; i++)
                {
                    await farm.KillAsync(i).ConfigureAwait(false);
                }

                int badGateway = 0, unavailable = 0, other = 0;
                var fast = new List<double>();
                double slowest = 0;
                string? retryAfter = null;
                string body = string.Empty;
                for (int i = 0; i < requests; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(proxy.Url("/fast"), cancellationToken).ConfigureAwait(false);
                    string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    slowest = Math.Max(slowest, ms);
                    switch ((int)response.StatusCode)
                    {
                        case 502:
                            badGateway++;
                            break;
                        case 503:
                            unavailable++;
                            fast.Add(ms);
                            retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                            body = text;
                            break;
                        default:
                            other++;
                            break;
                    }
                }

                return new AllDownReport(
                    requests,
                    badGateway,
                    unavailable,
                    other,
                    TimeSpan.FromMilliseconds(fast.Count > 0 ? fast.Max() : 0),
                    TimeSpan.FromMilliseconds(fast.Count > 0 ? fast.Average() : 0),
                    TimeSpan.FromMilliseconds(slowest),
                    retryAfter,
                    body);
            }
        }
    }

    /// <summary>
    /// Sends one request through our proxy (round-robin, so it goes to <c>backend0</c>), which holds it for a
    /// minute; kills <c>backend0</c> as soon as the request is inside it, and reports what the client got.
    /// A GET is repeated on another backend; a POST is answered 502, because it may already have had its effect.
    /// </summary>
    /// <param name="method">The request's method: GET (retried) or POST (not retried), for instance.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The status, who answered, and how many times each backend saw the request.</returns>
    public static async Task<InFlightKillReport> KillDuringRequestAsync(HttpMethod method, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        var farmOptions = new FarmOptions { Latency = TimeSpan.Zero, SlowBackend = 0, SlowLatency = TimeSpan.FromMinutes(1) };
        var farm = await BackendFarm.StartAsync(farmOptions, cancellationToken).ConfigureAwait(false);
        await using (farm.ConfigureAwait(false))
        {
            var proxy = await LoadBalancingProxy.StartAsync(farm, new ProxyOptions { ForwardTimeout = TimeSpan.FromMinutes(2) }, cancellationToken).ConfigureAwait(false);
            await using (proxy.ConfigureAwait(false))
            {
                using var client = NewClient();
                using var request = new HttpRequestMessage(method, proxy.Url(method == HttpMethod.Post ? "/echo" : "/fast"));
                if (method == HttpMethod.Post || method == HttpMethod.Put)
                {
                    request.Content = new StringContent("order #42: charge the card once", Encoding.UTF8, "text/plain");
                }

                var sending = client.SendAsync(request, cancellationToken);
                await WaitUntilAsync(() => farm[0].InFlight == 1 || sending.IsCompleted, "the request reached backend0", cancellationToken).ConfigureAwait(false);
                await farm.KillAsync(0).ConfigureAwait(false);
                using var response = await sending.WaitAsync(StepBound, cancellationToken).ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                string? answeredBy = response.Headers.TryGetValues(DemoServer.BackendHeader, out var names) ? names.First() : null;
                return new InFlightKillReport(
                    method.Method,
                    (int)response.StatusCode,
                    answeredBy,
                    body.Split('\n')[0],
                    farm.Select(b => b.RequestsSeen).ToArray(),
                    farm.Names);
            }
        }
    }

    private static async Task<FaultReport> KillAndRestartAsync(BackendFarm farm, LoadBalancingProxy proxy, FaultOptions options, CancellationToken cancellationToken)
    {
        string victim = farm[options.Victim].Name;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        TimeSpan origin = proxy.Elapsed;
        TimeSpan Now() => proxy.Elapsed - origin;
        var load = LoadGenerator.RunAsync(
            new LoadOptions { Url = proxy.Url(options.Path), Duration = options.Duration, Concurrency = options.Concurrency, IntervalWidth = options.IntervalWidth },
            stop.Token);
        TimeSpan killedAt, restartedAt;
        try
        {
            await Task.Delay(options.KillAt, stop.Token).ConfigureAwait(false);
            killedAt = Now();
            await farm.KillAsync(options.Victim).ConfigureAwait(false);

            // Restarting before the proxy noticed the death would test nothing, so the schedule waits for the ejection.
            await WaitUntilAsync(() => proxy.Events.Any(e => e.Backend == victim && e.Kind == ProxyEventKind.Ejected), $"the proxy ejected {victim}", stop.Token).ConfigureAwait(false);
            var wait = options.RestartAt - Now();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop.Token).ConfigureAwait(false);
            }

            // Taken before the call: the server listens (and a trial can readmit it) before RestartAsync returns.
            restartedAt = Now();
            await farm.RestartAsync(options.Victim, stop.Token).ConfigureAwait(false);
        }
        catch
        {
            // Stop the load and let it end before the farm and proxy are disposed under it.
            await stop.CancelAsync().ConfigureAwait(false);
            await load.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        var client = await load.WaitAsync(options.Duration + StepBound, cancellationToken).ConfigureAwait(false);
        return Analyse(farm, proxy, options, client, origin, killedAt, restartedAt);
    }

    private static FaultReport Analyse(BackendFarm farm, LoadBalancingProxy proxy, FaultOptions options, LoadResult client, TimeSpan origin, TimeSpan killedAt, TimeSpan restartedAt)
    {
        int v = options.Victim;
        string victim = farm[v].Name;
        var events = proxy.Events.Select(e => e with { At = e.At - origin }).Where(e => e.At >= TimeSpan.Zero).ToArray();
        var attempts = proxy.Attempts.Select(a => a with { Start = a.Start - origin, End = a.End - origin }).Where(a => a.Start >= TimeSpan.Zero).ToArray();
        TimeSpan? ejectedAt = events.FirstOrDefault(e => e.Backend == victim && e.Kind == ProxyEventKind.Ejected && e.At >= killedAt)?.At;
        TimeSpan? readmittedAt = events.FirstOrDefault(e => e.Backend == victim && e.Kind == ProxyEventKind.Readmitted && e.At >= restartedAt)?.At;
        var onVictim = attempts.Where(a => a.Backend == v).ToArray();
        var outOfRotation = (From: ejectedAt ?? TimeSpan.MaxValue, Until: readmittedAt ?? TimeSpan.MaxValue);

        // Independent of the balancer's own bookkeeping: ordinary attempts whose start falls inside the ejection window.
        long sentWhileEjected = onVictim.LongCount(a => !a.IsTrial && a.Start > outOfRotation.From && a.Start < outOfRotation.Until);
        long trialsWhileDown = onVictim.LongCount(a => a.IsTrial && a.Start >= killedAt && a.Start < restartedAt);
        long failuresBefore = onVictim.LongCount(a => !a.IsTrial && a.Outcome == RequestOutcome.Failure && a.End >= killedAt && a.End <= outOfRotation.From);

        // Whole slices only: a sliver at the end would show a misleading drop in the rate.
        int slices = Math.Max(1, (int)Math.Floor(client.Elapsed / options.IntervalWidth));
        var timeline = new FaultInterval[slices];
        for (int s = 0; s < slices; s++)
        {
            var from = options.IntervalWidth * s;
            var to = from + options.IntervalWidth;
            var inSlice = attempts.Where(a => a.Start >= from && a.Start < to).ToArray();
            timeline[s] = new FaultInterval(
                from,
                options.IntervalWidth,
                Enumerable.Range(0, farm.Count).Select(b => inSlice.LongCount(a => a.Backend == b)).ToArray(),
                Enumerable.Range(0, farm.Count).Select(b => inSlice.LongCount(a => a.Backend == b && a.Outcome == RequestOutcome.Failure)).ToArray());
        }

        return new FaultReport(
            victim, farm.Names, client, proxy.Stats, killedAt, restartedAt, ejectedAt, readmittedAt,
            failuresBefore, sentWhileEjected, trialsWhileDown, farm[v].ServedSinceStart, events, timeline);
    }

    private static HttpClient NewClient() =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = StepBound };

    private static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > StepBound)
            {
                throw new TimeoutException($"Gave up after {StepBound.TotalSeconds:0} s waiting until {what}.");
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }
}
