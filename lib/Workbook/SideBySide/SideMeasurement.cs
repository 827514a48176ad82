using System.Globalization;

namespace Workbook.SideBySide;

/// <summary>
/// What one side (Python or C#) reported for a workload: the result it computed (counts and
/// checksums, which both sides must agree on) and the best time of each configuration.
/// </summary>
/// <remarks>Immutable, so safe to share between threads.</remarks>
public sealed class SideMeasurement
{
    /// <summary>Creates a measurement.</summary>
    /// <param name="result">Named counts and checksums, e.g. <c>primes = 17,984</c>.</param>
    /// <param name="seconds">Named best times in seconds, each positive and finite.</param>
    /// <exception cref="ArgumentException">There is no result or no time, or a time is not positive and finite.</exception>
    public SideMeasurement(IEnumerable<KeyValuePair<string, long>> result, IEnumerable<KeyValuePair<string, double>> seconds)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(seconds);
        Result = new SortedDictionary<string, long>(result.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        Seconds = new SortedDictionary<string, double>(seconds.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        if (Result.Count == 0 || Seconds.Count == 0)
        {
            throw new ArgumentException("A measurement needs at least one result and one time.", nameof(result));
        }

        foreach ((string name, double value) in Seconds)
        {
            // Every figure divides by or into these: zero, negative or NaN would make nonsense ratios.
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The time '{name}' is {value} s; times must be positive and finite."), nameof(seconds));
            }
        }
    }

    /// <summary>Named counts and checksums, sorted by name.</summary>
    public IReadOnlyDictionary<string, long> Result { get; }

    /// <summary>Named best times in seconds, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> Seconds { get; }

    /// <summary>One time, by name.</summary>
    /// <param name="name">E.g. <c>"sequential"</c>.</param>
    /// <returns>Seconds.</returns>
    /// <exception cref="KeyNotFoundException">No such time (the message lists the ones there are).</exception>
    public double Time(string name) => Seconds.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out double value)
        ? value
        : throw new KeyNotFoundException($"No time named '{name}'; there are {string.Join(", ", Seconds.Keys)}.");

    /// <summary>The result as text, e.g. <c>primes=17,984</c>.</summary>
    public string ResultText => Describe(Result);

    /// <summary>The result and the times, e.g. <c>primes=17,984; sequential 0.3405 s, threads 0.3566 s</c>.</summary>
    public override string ToString() =>
        ResultText + "; " + string.Join(", ", Seconds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.####} s")));

    internal static string Describe(IReadOnlyDictionary<string, long> result) =>
        string.Join(", ", result.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:N0}")));
}
