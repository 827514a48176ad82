using System.Globalization;

namespace Workbook.Balancing.Farm;

/// <summary>One slice of a fault scenario's timeline: what the proxy sent to each backend in it.</summary>
/// <param name="Start">When the slice begins, from the start of the load.</param>
/// <param name="Width">How long it is.</param>
/// <param name="Attempts">Forward attempts started in the slice, per backend (farm order).</param>
/// <param name="Failures">Of those, the ones that failed, per backend.</param>
public sealed record FaultInterval(TimeSpan Start, TimeSpan Width, IReadOnlyList<long> Attempts, IReadOnlyList<long> Failures)
{
    /// <summary>Attempts per second on backend <paramref name="backend"/> in this slice.</summary>
    /// <param name="backend">A backend index.</param>
    /// <returns>The rate.</returns>
    public double PerSecond(int backend) => Attempts[backend] / Width.TotalSeconds;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Start.TotalSeconds,5:0.00} s: attempts {string.Join("/", Attempts)}, failed {string.Join("/", Failures)}");
}
