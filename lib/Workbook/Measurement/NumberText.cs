using System.Globalization;

namespace Workbook.Measurement;

/// <summary>Short, culture-independent number formatting shared by the measurement types' ToString methods.</summary>
internal static class NumberText
{
    /// <summary>Formats with about three significant digits: 1234 → "1234", 12.34 → "12.3", 1.234 → "1.23".</summary>
    public static string Compact(double value)
    {
        double magnitude = Math.Abs(value);
        string format = magnitude switch
        {
            >= 100 => "0",
            >= 10 => "0.0",
            _ => "0.00",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a whole count with thousands separators: 12345 → "12,345".</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Formats a rate with thousands separators: 12345.6 → "12,346".</summary>
    public static string Grouped(double value) =>
        Math.Abs(value) >= 100
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("0.0", CultureInfo.InvariantCulture);
}
