using System.Globalization;

namespace Workbook.Benchmarking;

/// <summary>How the benchmark results print numbers: invariant culture, a few significant digits.</summary>
public static class BenchFormat
{
    /// <summary>A ratio with a × sign: <c>1.62×</c>, <c>12.3×</c>, <c>0.051×</c>.</summary>
    /// <param name="ratio">The ratio.</param>
    /// <returns>The text; "n/a" for NaN or infinity.</returns>
    public static string Ratio(double ratio) => double.IsFinite(ratio) ? Number(ratio) + "×" : "n/a";

    /// <summary>A number with about three significant digits and thousands separators: <c>0.0512</c>, <c>1.62</c>, <c>12.3</c>, <c>1,234</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text; "n/a" for NaN or infinity.</returns>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        double size = Math.Abs(value);
        string format = size switch
        {
            0 => "0",
            >= 1000 => "N0",
            >= 100 => "0",
            >= 10 => "0.0",
            >= 1 => "0.00",
            >= 0.1 => "0.000",
            _ => "0.####",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A value with its unit: <c>1.62 s</c>, <c>23,456 req/s</c>, <c>312 B</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="unit">The unit; nothing is appended when empty.</param>
    /// <returns>The text.</returns>
    public static string WithUnit(double value, string unit) =>
        unit is null ? throw new ArgumentNullException(nameof(unit)) : unit.Length == 0 ? Number(value) : Number(value) + " " + unit;
}
