using System.Buffers;
using System.Diagnostics;
using System.Globalization;

namespace Workbook.Networking;

/// <summary>
/// Puts an HTTP server under load and measures it, like <c>wrk</c>: N clients in a closed loop (or
/// a fixed-rate open loop), per-request latency recorded without locks, and a <see cref="LoadResult"/>
/// with throughput, percentiles and per-second series. A closed loop of plain GETs runs on raw
/// keep-alive sockets, one per client, as wrk does; the open loop and custom requests go through one
/// shared <see cref="HttpClient"/> (see <see cref="LoadOptions.Client"/>).
/// </summary>
/// <remarks>
/// Thread-safety: runs are independent; several may run at once. Each client writes only to its
/// own preallocated log, so the hot path takes no lock (a total-count run adds one interlocked
/// increment per request to share out the count). Every request is bounded by
/// <see cref="LoadOptions.RequestTimeout"/>; cancelling the token abandons requests in flight and
/// the run ends with <see cref="OperationCanceledException"/>. Nothing outlives the call.
/// </remarks>
public static class LoadGenerator
{
    private const int ScratchSize = 16 * 1024;

    /// <summary>Runs the load described by <paramref name="options"/> and summarises it.</summary>
    /// <param name="options">Target, concurrency and length of the run.</param>
    /// <param name="cancellationToken">Stops the run early; it then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>Counts, throughput, latency percentiles, per-interval series and per-backend counts.</returns>
    /// <exception cref="ArgumentException">The options are inconsistent or out of range (the message says which).</exception>
    public static async Task<LoadResult> RunAsync(LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.ChosenClient == LoadClient.Sockets)
        {
            var target = new RawHttpTarget(options.Url!, options.PooledConnectionLifetime);
            return await RunClosedLoopAsync(options, () => new RawHttpConnection(target, cancellationToken), "raw sockets", cancellationToken).ConfigureAwait(false);
        }

        using var sender = new LoadSender(options, cancellationToken);
        return options.IsOpenLoop
            ? await RunOpenLoopAsync(options, sender, cancellationToken).ConfigureAwait(false)
            : await RunClosedLoopAsync(options, () => new HttpLoadClient(sender), "HttpClient", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<LoadResult> RunClosedLoopAsync(LoadOptions options, Func<ILoadClient> newClient, string clientName, CancellationToken cancellationToken)
    {
        int clients = options.Concurrency;
        long expectedEach = options.TotalRequests is { } total ? (total + clients - 1) / clients : 0;
        var logs = new SampleLog[clients];
        for (int i = 0; i < clients; i++)
        {
            logs[i] = new SampleLog(expectedEach);
        }

        var turns = new TurnCounter(options.TotalRequests);
        long start = Stopwatch.GetTimestamp();
        long deadline = options.Duration is { } duration ? start + (long)(duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        Task[] running = new Task[clients];
        for (int i = 0; i < clients; i++)
        {
            SampleLog log = logs[i];
            running[i] = Task.Run(() => ClientLoopAsync(newClient, log, turns, deadline, options.RequestTimeout, cancellationToken), CancellationToken.None);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        string mode = string.Create(CultureInfo.InvariantCulture, $"closed loop, {clients} client{(clients == 1 ? "" : "s")}, {clientName}");
        return LoadSummary.Build(mode, clients, start, elapsed, options.IntervalWidth, logs.SelectMany(l => l.Samples()));
    }

    private static async Task ClientLoopAsync(
        Func<ILoadClient> newClient, SampleLog log, TurnCounter turns, long deadline, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        // Each client is disposed when its loop ends, however it ends: a raw-socket client closes its connection.
        using ILoadClient client = newClient();
        // One timeout source per client, re-armed for every request: TryReset makes it reusable as
        // long as it has not fired, so a healthy run allocates no token source per request.
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (turns.TryTake() && Stopwatch.GetTimestamp() < deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                timeout.CancelAfter(requestTimeout);
                RequestSample sample = await client.SendAsync(Stopwatch.GetTimestamp(), timeout.Token).ConfigureAwait(false);
                log.Add(sample);
                if (!timeout.TryReset())
                {
                    timeout.Dispose();
                    timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                }
            }
        }
        finally
        {
            timeout.Dispose();
        }
    }

    private static async Task<LoadResult> RunOpenLoopAsync(LoadOptions options, LoadSender sender, CancellationToken cancellationToken)
    {
        double rate = options.RequestsPerSecond!.Value;
        long scheduled = options.ScheduledRequests();
        var samples = new RequestSample[scheduled];
        var running = new Task[scheduled];
        double ticksApart = Stopwatch.Frequency / rate;
        long start = Stopwatch.GetTimestamp();
        long launched = 0;
        try
        {
            for (; launched < scheduled; launched++)
            {
                long due = start + (long)(launched * ticksApart);
                TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                // Timers tick in whole milliseconds: requests due sooner than that leave now, back to back,
                // so the schedule is kept on average even above 1,000 requests per second.
                if (wait >= TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }

                running[launched] = ScheduledRequestAsync(sender, samples, launched, due, options.RequestTimeout, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled mid-schedule: let the requests already sent end (they see the same token)
            // before giving up, so none outlives the call.
            await Task.WhenAll(running.Take((int)launched)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        string mode = string.Create(CultureInfo.InvariantCulture, $"open loop, {rate:0.#} req/s, up to {options.Concurrency} connections, HttpClient");
        return LoadSummary.Build(mode, options.Concurrency, start, elapsed, options.IntervalWidth, samples);
    }

    private static async Task ScheduledRequestAsync(
        LoadSender sender, RequestSample[] samples, long index, long due, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(ScratchSize);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        try
        {
            // Latency counts from when the request was due, not when it left: if the client fell
            // behind, the wait is part of what a user would have seen (no "coordinated omission").
            samples[index] = await sender.SendAsync(due, timeout.Token, scratch).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Shares a fixed number of requests among clients: each successful take is one request.</summary>
    private sealed class TurnCounter(long? total)
    {
        private long taken;

        public bool TryTake() => total is not { } limit || Interlocked.Increment(ref taken) <= limit;
    }
}
