using System.Globalization;

namespace Workbook.Benchmarking;

/// <summary>The value a ratio must reach, e.g. "at least 1.9" for a 2-core speedup.</summary>
/// <param name="Comparison">Whether the ratio must be at least or at most <paramref name="Value"/>.</param>
/// <param name="Value">The threshold (positive and finite).</param>
/// <param name="Description">Where the value comes from, e.g. "0.95 × 2 cores"; empty when it is a plain number.</param>
/// <remarks>Immutable.</remarks>
public sealed record BenchTarget(TargetComparison Comparison, double Value, string Description = "")
{
    /// <summary>A target the ratio must reach or exceed.</summary>
    /// <param name="value">The threshold (positive and finite).</param>
    /// <param name="description">Where the value comes from; optional.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public static BenchTarget AtLeast(double value, string description = "") => Create(TargetComparison.AtLeast, value, description);

    /// <summary>A target the ratio must not exceed.</summary>
    /// <param name="value">The threshold (positive and finite).</param>
    /// <param name="description">Where the value comes from; optional.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public static BenchTarget AtMost(double value, string description = "") => Create(TargetComparison.AtMost, value, description);

    /// <summary>Whether <paramref name="ratio"/> is on the right side of the threshold (equal counts as met).</summary>
    /// <param name="ratio">The measured ratio.</param>
    /// <returns>True when the target is met; false for NaN or infinity.</returns>
    public bool IsMetBy(double ratio) =>
        double.IsFinite(ratio) && (Comparison == TargetComparison.AtLeast ? ratio >= Value : ratio <= Value);

    /// <summary>
    /// How far the ratio got towards the target, as a score where 1 means exactly on target and
    /// above 1 means better than needed: ratio ÷ target for "at least", target ÷ ratio for "at most".
    /// </summary>
    /// <param name="ratio">The measured ratio (positive).</param>
    /// <returns>The score; NaN when the ratio is not positive and finite.</returns>
    public double Score(double ratio) =>
        !(double.IsFinite(ratio) && ratio > 0) ? double.NaN
        : Comparison == TargetComparison.AtLeast ? ratio / Value : Value / ratio;

    /// <summary>E.g. <c>≥ 1.90×</c> or <c>≤ 1.20×</c>.</summary>
    /// <returns>The comparison and value.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Comparison == TargetComparison.AtLeast ? "≥" : "≤")} {BenchFormat.Ratio(Value)}");

    private static BenchTarget Create(TargetComparison comparison, double value, string description)
    {
        if (!(double.IsFinite(value) && value > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A target must be a positive, finite ratio.");
        }

        ArgumentNullException.ThrowIfNull(description);
        return new BenchTarget(comparison, value, description);
    }
}
