namespace Workbook.Balancing;

/// <summary>
/// Passive outlier ejection: after <see cref="ConsecutiveFailures"/> failed requests in a row a
/// backend is taken out for <see cref="Duration"/>, then let back in through one trial request
/// (half-open): success readmits it, failure ejects it for another period.
/// </summary>
/// <remarks>"Passive" because it watches real traffic (lease outcomes) instead of sending probes.
/// Cancelled requests count neither as success nor failure.</remarks>
public sealed record EjectionOptions
{
    private readonly int _consecutiveFailures = 5;
    private readonly TimeSpan _duration = TimeSpan.FromSeconds(30);

    /// <summary>Failures in a row that eject a backend (1 or more; default 5).</summary>
    public int ConsecutiveFailures
    {
        get => _consecutiveFailures;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(ConsecutiveFailures));
            _consecutiveFailures = value;
        }
    }

    /// <summary>How long an ejected backend stays out before its trial request (positive; default 30 s).</summary>
    public TimeSpan Duration
    {
        get => _duration;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(Duration));
            _duration = value;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"eject after {ConsecutiveFailures} consecutive failures for {Duration.TotalSeconds:0.###} s";
}
