namespace Workbook.Measurement;

/// <summary>Turns durations into short human-readable text with a unit that fits their size.</summary>
public static class Durations
{
    /// <summary>
    /// Formats a duration with a fitting unit and about three significant digits,
    /// e.g. "850 ns", "12.3 µs", "1.23 ms", "2.50 s".
    /// </summary>
    /// <param name="duration">The duration to format; negative values keep their sign.</param>
    /// <returns>The number and its unit, separated by a space.</returns>
    public static string Format(TimeSpan duration) => FormatMilliseconds(duration.TotalMilliseconds);

    /// <summary>Formats a duration given in milliseconds, choosing ns, µs, ms or s by its size.</summary>
    /// <param name="milliseconds">The duration in milliseconds.</param>
    /// <returns>The number and its unit, separated by a space.</returns>
    public static string FormatMilliseconds(double milliseconds)
    {
        var (scale, unit) = UnitFor(milliseconds);
        return $"{NumberText.Compact(milliseconds * scale)} {unit}";
    }

    /// <summary>Picks the display unit for a value in milliseconds and the factor that converts to it.</summary>
    internal static (double Scale, string Unit) UnitFor(double milliseconds)
    {
        double magnitude = Math.Abs(milliseconds);
        return magnitude switch
        {
            >= 1000 => (0.001, "s"),
            >= 1 => (1, "ms"),
            >= 0.001 => (1_000, "µs"),
            0 => (1, "ms"),
            _ => (1_000_000, "ns"),
        };
    }
}
