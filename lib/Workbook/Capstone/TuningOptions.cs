namespace Workbook.Capstone;

/// <summary>
/// How the tuning pass measures each configuration: a warm-up, a closed-loop capacity run, then an
/// open-loop traffic spike at a fixed rate (a multiple of the first configuration's capacity).
/// </summary>
/// <remarks>Immutable; validated when the pass starts.</remarks>
public sealed record TuningOptions
{
    /// <summary>Users in the closed-loop runs; 32 by default.</summary>
    public int Clients { get; init; } = 32;

    /// <summary>The untimed warm-up before the capacity run (connections, JIT, the first cache entries); 1 s by default.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The capacity run: how many answers per second the configuration gives 32 users who never pause; 2 s by default.</summary>
    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the spike lasts; 1.5 s by default.</summary>
    public TimeSpan Spike { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The spike's rate as a multiple of the first configuration's measured capacity; 3 by default (three times what the naive service can serve, so a line that is not bounded grows fast).</summary>
    public double SpikeFactor { get; init; } = 3;

    /// <summary>The Zipf exponent of the keys; 1.1 by default.</summary>
    public double Exponent { get; init; } = 1.1;

    /// <summary>The seed of the key sequence: every configuration gets the same sequence.</summary>
    public int Seed { get; init; } = 9;

    /// <summary>Throws a clear exception naming the first setting out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Clients, nameof(Clients));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Clients, 1_000, nameof(Clients));
        ArgumentOutOfRangeException.ThrowIfLessThan(Warmup, TimeSpan.Zero, nameof(Warmup));
        ArgumentOutOfRangeException.ThrowIfLessThan(Measure, TimeSpan.FromMilliseconds(100), nameof(Measure));
        ArgumentOutOfRangeException.ThrowIfLessThan(Spike, TimeSpan.FromMilliseconds(100), nameof(Spike));
        if (!double.IsFinite(SpikeFactor) || SpikeFactor <= 0 || SpikeFactor > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(SpikeFactor), SpikeFactor, "The spike factor must be above 0 and at most 20.");
        }
    }
}
