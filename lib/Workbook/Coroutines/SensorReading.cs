using System.Globalization;

namespace Workbook.Coroutines;

/// <summary>One temperature reading, as stored in a line of the sensor log: <c>index,sensor,celsius</c>.</summary>
/// <param name="Index">The reading's number, from 0.</param>
/// <param name="Sensor">Which sensor, e.g. "sensor-3".</param>
/// <param name="Celsius">The temperature in °C.</param>
public sealed record SensorReading(int Index, string Sensor, double Celsius)
{
    /// <summary>Parses a line such as <c>17,sensor-3,23.4</c>.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The reading.</returns>
    /// <exception cref="FormatException">The line does not have three comma-separated fields of the right kinds; the message quotes it.</exception>
    public static SensorReading Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] fields = line.Split(',');
        if (fields.Length != 3
            || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int index)
            || string.IsNullOrWhiteSpace(fields[1])
            || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double celsius))
        {
            throw new FormatException($"A sensor line must read 'index,sensor,celsius' (e.g. '17,sensor-3,23.4'), not '{line}'.");
        }

        return new SensorReading(index, fields[1], celsius);
    }

    /// <summary>The line this reading is stored as, e.g. <c>17,sensor-3,23.4</c>.</summary>
    /// <returns>The line.</returns>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Index},{Sensor},{Celsius:0.0}");

    /// <summary>E.g. "#17 sensor-3 23.4 °C".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{Index} {Sensor} {Celsius:0.0} °C");
}
