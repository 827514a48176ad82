namespace Workbook.Async;

/// <summary>
/// A stand-in for an HTTP client: every "download" waits a fixed latency (<c>Task.Delay</c>, so no
/// thread is held) and returns a small body, while an <see cref="InFlightGauge"/> records how many
/// were in flight at once.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="FetchAsync"/> may be called concurrently from any thread. Cancelling a
/// download's token ends it with <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class SimulatedDownloads
{
    /// <summary>Creates the fake server.</summary>
    /// <param name="latency">How long each download takes (positive).</param>
    /// <param name="timeProvider">The clock the delays use; the system clock when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is not positive.</exception>
    public SimulatedDownloads(TimeSpan latency, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(latency, TimeSpan.Zero);
        Latency = latency;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long each download takes.</summary>
    public TimeSpan Latency { get; }

    /// <summary>The clock the delays use.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How many downloads are in flight now, and the peak.</summary>
    public InFlightGauge InFlight { get; } = new();

    /// <summary>Makes <paramref name="count"/> URLs, <c>https://example.test/file/0</c> and up.</summary>
    /// <param name="count">How many (0 or more).</param>
    /// <returns>The URLs in order.</returns>
    public static IReadOnlyList<string> Urls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(0, count).Select(i => $"https://example.test/file/{i}")];
    }

    /// <summary>"Downloads" <paramref name="url"/>: waits <see cref="Latency"/> and returns its body.</summary>
    /// <param name="url">The URL; not empty.</param>
    /// <param name="cancellationToken">Ends the download early.</param>
    /// <returns>The body, <c>"body of " + url</c>.</returns>
    public async Task<string> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        using (InFlight.Enter())
        {
            await Task.Delay(Latency, TimeProvider, cancellationToken).ConfigureAwait(false);
            return "body of " + url;
        }
    }
}
