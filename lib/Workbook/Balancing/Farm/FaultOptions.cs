namespace Workbook.Balancing.Farm;

/// <summary>
/// The kill-and-restart scenario of <see cref="FaultScenario.RunAsync"/>: a farm under steady load
/// through our proxy; one backend is killed mid-run and restarted later on the same port. Defaults:
/// three 2-ms backends, round-robin, 8 clients for 6 s, <c>backend1</c> killed at 1.5 s and restarted at
/// 3.5 s, ejection after 3 failures for 1 s, up to 3 attempts per request.
/// </summary>
/// <remarks>Immutable; validated when the scenario starts.</remarks>
public sealed record FaultOptions
{
    /// <summary>The farm (three 2-ms backends by default).</summary>
    public FarmOptions Farm { get; init; } = new();

    /// <summary>Our proxy's policy; "round-robin" by default.</summary>
    public string Policy { get; init; } = "round-robin";

    /// <summary>Seed for random policies.</summary>
    public int Seed { get; init; }

    /// <summary>The backend that is killed and restarted (index 1 by default).</summary>
    public int Victim { get; init; } = 1;

    /// <summary>Load-generator clients; 8 by default.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>How long the load runs; 6 s by default.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>When the victim is killed, from the start of the load; 1.5 s by default.</summary>
    public TimeSpan KillAt { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>When it is restarted (never before the proxy has ejected it); 3.5 s by default.</summary>
    public TimeSpan RestartAt { get; init; } = TimeSpan.FromSeconds(3.5);

    /// <summary>The proxy's ejection settings: 3 failures in a row, 1 s out, by default.</summary>
    public EjectionOptions Ejection { get; init; } = new() { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(1) };

    /// <summary>Attempts per request, the first included; 3 by default (1 turns retries off, to see what they save).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The path every request GETs; <c>/fast</c> by default.</summary>
    public string Path { get; init; } = "/fast";

    /// <summary>The width of the timeline's slices; 250 ms by default.</summary>
    public TimeSpan IntervalWidth { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Throws a clear exception naming the first setting that makes no sense.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Farm, nameof(Farm));
        ArgumentNullException.ThrowIfNull(Ejection, nameof(Ejection));
        Farm.Validate();
        if (Farm.Backends < 2)
        {
            throw new ArgumentException("The fault scenario needs at least 2 backends: one to kill and one to retry on.", nameof(Farm));
        }

        if (!FarmPolicies.IsKnown(Policy))
        {
            throw new ArgumentException($"Unknown policy '{Policy}'. Known: {string.Join(", ", Balancers.Names)}.", nameof(Policy));
        }

        if (Victim < 0 || Victim >= Farm.Backends)
        {
            throw new ArgumentOutOfRangeException(nameof(Victim), Victim, $"The victim must be a backend index from 0 to {Farm.Backends - 1}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Concurrency, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KillAt, TimeSpan.Zero, nameof(KillAt));
        if (RestartAt <= KillAt || Duration <= RestartAt)
        {
            throw new ArgumentException($"The schedule must run kill < restart < end; got kill at {KillAt}, restart at {RestartAt}, end at {Duration}.", nameof(RestartAt));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAttempts, nameof(MaxAttempts));
        if (string.IsNullOrWhiteSpace(Path) || !Path.StartsWith('/'))
        {
            throw new ArgumentException($"The path '{Path}' must start with '/'.", nameof(Path));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(IntervalWidth, TimeSpan.FromMilliseconds(10), nameof(IntervalWidth));
    }
}
