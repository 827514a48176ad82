using System.Globalization;

namespace Workbook.Balancing.Farm;

/// <summary>
/// The shape of a <see cref="BackendFarm"/>: how many backends, how long each takes to answer, and
/// optionally one that is slower than the rest. Defaults: three backends answering in 2 ms, none slow.
/// </summary>
/// <remarks>Immutable; validated when the farm starts (<see cref="Validate"/>).</remarks>
public sealed record FarmOptions
{
    /// <summary>How many backends (1 to 64; 3 by default).</summary>
    public int Backends { get; init; } = 3;

    /// <summary>The delay every backend adds before answering (zero or more; 2 ms by default).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The index of the slow backend, or null (the default) when all are equally fast.</summary>
    public int? SlowBackend { get; init; }

    /// <summary>The slow backend's delay (100 ms by default, fifty times the others'); ignored when <see cref="SlowBackend"/> is null.</summary>
    public TimeSpan SlowLatency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Backend names are this prefix plus the index: <c>backend0</c>, <c>backend1</c>, …</summary>
    public string Prefix { get; init; } = "backend";

    /// <summary>The clock behind the backends' delays; the system clock by default (tests pass a fake one to make a backend hang).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Three backends, the last one slow: <c>FarmOptions.OneSlow()</c>.</summary>
    /// <param name="backends">How many backends (2 or more).</param>
    /// <param name="latency">The fast backends' delay; 2 ms when null.</param>
    /// <param name="slowLatency">The slow backend's delay; 100 ms when null.</param>
    /// <returns>Options whose last backend is the slow one.</returns>
    public static FarmOptions OneSlow(int backends = 3, TimeSpan? latency = null, TimeSpan? slowLatency = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(backends, 2, nameof(backends));
        var options = new FarmOptions { Backends = backends, SlowBackend = backends - 1 };
        return options with
        {
            Latency = latency ?? options.Latency,
            SlowLatency = slowLatency ?? options.SlowLatency,
        };
    }

    /// <summary>The delay of backend <paramref name="index"/>.</summary>
    /// <param name="index">A backend index.</param>
    /// <returns><see cref="SlowLatency"/> for the slow backend, <see cref="Latency"/> for the others.</returns>
    public TimeSpan LatencyOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Backends);
        return index == SlowBackend ? SlowLatency : Latency;
    }

    /// <summary>The name of backend <paramref name="index"/>, e.g. <c>backend2</c>.</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>The name.</returns>
    public string NameOf(int index) => Prefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>E.g. "3 backends at 2 ms, backend2 at 100 ms".</summary>
    /// <returns>The farm's shape in words.</returns>
    public override string ToString()
    {
        string slow = SlowBackend is { } index
            ? string.Create(CultureInfo.InvariantCulture, $", {NameOf(index)} at {SlowLatency.TotalMilliseconds:0.###} ms")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Backends} backend{(Backends == 1 ? string.Empty : "s")} at {Latency.TotalMilliseconds:0.###} ms{slow}");
    }

    /// <summary>Throws a clear exception naming the first setting that makes no sense.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Backends is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Backends), Backends, "A farm has between 1 and 64 backends.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        ArgumentOutOfRangeException.ThrowIfLessThan(SlowLatency, TimeSpan.Zero, nameof(SlowLatency));
        if (SlowBackend is { } slow && (slow < 0 || slow >= Backends))
        {
            throw new ArgumentOutOfRangeException(nameof(SlowBackend), slow, $"The slow backend must be an index from 0 to {Backends - 1}.");
        }

        if (string.IsNullOrWhiteSpace(Prefix) || Prefix.Any(char.IsControl))
        {
            throw new ArgumentException($"The name prefix '{Prefix}' must be non-blank text without control characters.", nameof(Prefix));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
