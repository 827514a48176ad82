using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workbook.Tuning;

/// <summary>
/// A fake slow backend (a database or another service) that counts every call: how many in all,
/// per key, and how many were in flight at once. Each call does a little synchronous work (building
/// the request), then waits <see cref="Latency"/> without holding a thread, like real I/O.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="FetchAsync"/> may be called from any number of threads at once; the
/// counters are updated atomically. The first <see cref="FailFirst"/> calls fail with
/// <see cref="BackendUnavailableException"/> after their latency, like a service that is briefly
/// down. Nothing is left running after a call's task completes.
/// </remarks>
public sealed class CountingBackend
{
    private readonly ConcurrentDictionary<string, int> _perKey = new(StringComparer.Ordinal);
    private int _calls;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>Creates a backend.</summary>
    /// <param name="latency">How long each call waits (the I/O); zero or more.</param>
    /// <param name="setupWork">Synchronous CPU work at the start of each call, before its first await; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public CountingBackend(TimeSpan latency, TimeSpan setupWork = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(setupWork, TimeSpan.Zero);
        Latency = latency;
        SetupWork = setupWork;
    }

    /// <summary>How long each call waits.</summary>
    public TimeSpan Latency { get; }

    /// <summary>The synchronous work at the start of each call.</summary>
    public TimeSpan SetupWork { get; }

    /// <summary>How many of the first calls fail (0 by default).</summary>
    public int FailFirst { get; init; }

    /// <summary>Every call so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The most calls that were in flight at the same moment.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>The calls made for one key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>How many calls asked for it.</returns>
    public int CallsFor(string key) => _perKey.GetValueOrDefault(key ?? throw new ArgumentNullException(nameof(key)));

    /// <summary>Fetches a key: returns <c>"{key} v{n}"</c>, where n numbers the calls from 1, so a caller can tell which call served it.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, after <see cref="Latency"/>.</returns>
    /// <exception cref="BackendUnavailableException">This is one of the first <see cref="FailFirst"/> calls.</exception>
    public async Task<string> FetchAsync(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int number = Interlocked.Increment(ref _calls);
        _perKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        int now = Interlocked.Increment(ref _inFlight);
        UpdatePeak(now);
        try
        {
            // Real clients do some work before their first await (serialise, sign, pick a connection);
            // that work runs on the caller's thread and widens any check-then-act window.
            Spin(SetupWork);
            await Task.Delay(Latency).ConfigureAwait(false);
            if (number <= FailFirst)
            {
                throw new BackendUnavailableException($"backend unavailable (call {number} for {key})");
            }

            return $"{key} v{number}";
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void UpdatePeak(int now)
    {
        int peak = Volatile.Read(ref _peakInFlight);
        while (now > peak)
        {
            int seen = Interlocked.CompareExchange(ref _peakInFlight, now, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private static void Spin(TimeSpan work)
    {
        if (work <= TimeSpan.Zero)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < work)
        {
            Thread.SpinWait(20);
        }
    }
}
