namespace Workbook.Coroutines;

/// <summary>
/// A made-up temperature log for the pipeline demos: readings mostly between 18 and 28 °C with a
/// few heat spikes above 30 °C (about 1 in 25). Seeded, so the same seed gives the same log.
/// </summary>
/// <remarks>Stateless; every method may be called from any thread.</remarks>
public static class SensorLog
{
    /// <summary>The temperature above which a reading counts as a heat spike.</summary>
    public const double HotCelsius = 30;

    /// <summary>Generates readings lazily, one at a time.</summary>
    /// <param name="count">How many readings; 0 or more.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The readings, produced on demand.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IEnumerable<SensorReading> Readings(int count, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Generate(count, seed);
    }

    /// <summary>Writes <paramref name="count"/> readings to a file, one line each, replacing the file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="count">How many lines.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The file's full path.</returns>
    public static string Write(string path, int count, int seed = 42)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllLines(path, Readings(count, seed).Select(r => r.ToLine()));
        return Path.GetFullPath(path);
    }

    private static IEnumerable<SensorReading> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            bool spike = random.Next(25) == 0;
            double celsius = spike ? HotCelsius + 0.1 + (random.NextDouble() * 9.9) : 18 + (random.NextDouble() * 10);
            yield return new SensorReading(i, $"sensor-{random.Next(1, 6)}", Math.Round(celsius, 1));
        }
    }
}
