using System.Collections.Concurrent;

namespace Workbook.Async;

/// <summary>
/// The fake fetch the 03.1 check hands to the learner's code: it records how many fetches are in
/// flight, how often each URL was fetched and the order they finished, and can fail, hang until
/// cancelled, or hold one URL back until the others are done.
/// </summary>
/// <remarks>
/// Thread-safe. The first fetches are held until <c>wave</c> of them are in flight (or half a
/// second passes), so a correct answer reaches its limit deterministically on a busy machine.
/// <see cref="Abort"/> ends every fetch still waiting, so nothing is left behind after a round.
/// </remarks>
internal sealed class RecordingFetch
{
    private static readonly TimeSpan s_wavePatience = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the slow URL is held at most when the others never finish.</summary>
    internal static readonly TimeSpan SlowPatience = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failing;
    private readonly int _wave;
    private readonly Random _random;
    private readonly TaskCompletionSource _waveReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _othersDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Not disposed: a learner's abandoned fetch may still link to its token after the round.
    private readonly CancellationTokenSource _abort = new();
    private int _started;
    private int _finishedDuringSlow;
    private volatile bool _slowReleasedByOthers;

    private readonly int _others;

    /// <summary>Creates the fake for one round.</summary>
    /// <param name="wave">Hold the first fetches until this many are in flight (or half a second passes).</param>
    /// <param name="random">Picks each fetch's short delay (1-11 ms), so fetches finish out of order.</param>
    /// <param name="failing">URLs whose fetch throws <see cref="FetchFailedException"/>.</param>
    /// <param name="slowUrl">A URL whose fetch waits until the other <paramref name="urlCount"/> - 1 URLs have finished (or 3 s pass).</param>
    /// <param name="urlCount">How many URLs the round has (needed with <paramref name="slowUrl"/>).</param>
    public RecordingFetch(int wave, Random random, IEnumerable<string>? failing = null, string? slowUrl = null, int urlCount = 0)
    {
        _wave = wave;
        _random = random;
        _failing = [.. failing ?? []];
        SlowUrl = slowUrl;
        _others = urlCount - 1;
    }

    /// <summary>The URL whose fetch is held back, or null.</summary>
    public string? SlowUrl { get; }

    /// <summary>When true, every fetch waits until its token is cancelled.</summary>
    public bool HangUntilCancelled { get; init; }

    /// <summary>Fetches in flight now and the peak.</summary>
    public InFlightGauge InFlight { get; } = new();

    /// <summary>How many fetches have started.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Whether the slow URL was released because every other URL finished (not by patience running out).</summary>
    public bool SlowReleasedByOthers => _slowReleasedByOthers;

    /// <summary>Other URLs that finished while the slow one was held.</summary>
    public int FinishedDuringSlow => Volatile.Read(ref _finishedDuringSlow);

    /// <summary>The body the fake returns for a URL.</summary>
    public static string Body(string url) => "body of " + url;

    /// <summary>How many times <paramref name="url"/> was fetched.</summary>
    public int CallsFor(string url) => _calls.GetValueOrDefault(url);

    /// <summary>Ends every fetch still waiting (they throw <see cref="OperationCanceledException"/>).</summary>
    public void Abort() => _abort.Cancel();

    /// <summary>The fetch handed to the learner's code.</summary>
    public async Task<string> FetchAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        Interlocked.Increment(ref _started);
        _calls.AddOrUpdate(url, 1, static (_, n) => n + 1);
        int delayMs;
        lock (_random)
        {
            delayMs = _random.Next(1, 12);
        }

        using (InFlight.Enter())
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
            if (InFlight.Current >= _wave)
            {
                _waveReached.TrySetResult();
            }

            try
            {
                await _waveReached.Task.WaitAsync(s_wavePatience, stop.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Fewer than `wave` fetches arrived (a sequential answer): let everyone through from now on.
                _waveReached.TrySetResult();
            }

            if (HangUntilCancelled)
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }

            if (url == SlowUrl)
            {
                await HoldSlowAsync(stop.Token).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(delayMs, stop.Token).ConfigureAwait(false);
            }

            if (_failing.Contains(url))
            {
                throw new FetchFailedException(url);
            }

            if (SlowUrl is not null && url != SlowUrl && !_othersDone.Task.IsCompleted
                && Interlocked.Increment(ref _finishedDuringSlow) == _others)
            {
                _othersDone.TrySetResult();
            }

            return Body(url);
        }
    }

    /// <summary>Holds the slow fetch until every other URL has finished, or patience runs out.</summary>
    private async Task HoldSlowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _othersDone.Task.WaitAsync(SlowPatience, cancellationToken).ConfigureAwait(false);
            _slowReleasedByOthers = true;
        }
        catch (TimeoutException)
        {
            _othersDone.TrySetResult();
        }
    }
}
