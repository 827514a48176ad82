namespace Workbook.Measurement;

/// <summary>A value together with how long it took to compute; deconstructs as <c>var (value, elapsed) = ...</c>.</summary>
/// <typeparam name="T">The type of the computed value.</typeparam>
/// <param name="Value">What the timed work returned.</param>
/// <param name="Elapsed">How long the work ran.</param>
public readonly record struct Timed<T>(T Value, TimeSpan Elapsed)
{
    /// <summary>E.g. "42 in 1.23 ms".</summary>
    /// <returns>The value and the formatted duration.</returns>
    public override string ToString() => $"{Value} in {Durations.Format(Elapsed)}";
}
