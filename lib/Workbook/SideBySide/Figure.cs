using System.Globalization;

namespace Workbook.SideBySide;

/// <summary>
/// One figure of a comparison, computed the same way from each side's measurement of the same
/// run, e.g. <c>speedup with 2 threads: CPython 0.95×, C# 1.87×</c>.
/// </summary>
/// <param name="Name">What it is, e.g. <c>speedup with 2 threads</c>.</param>
/// <param name="Unit">Its unit, e.g. <c>×</c>, <c>ns per item</c>, <c>items/s</c>.</param>
/// <param name="Python">The Python side's value.</param>
/// <param name="CSharp">The C# side's value.</param>
/// <param name="Better">Whether more or less is better.</param>
/// <param name="Kind">A within-language ratio or a speed.</param>
/// <param name="Ideal">The best value the technique could reach, where one exists (e.g. the worker count for a speedup).</param>
public sealed record Figure(string Name, string Unit, double Python, double CSharp, Better Better, FigureKind Kind, double? Ideal = null)
{
    /// <summary>C#'s value divided by Python's.</summary>
    public double Ratio => CSharp / Python;

    /// <summary>
    /// How many times better C# did on this figure: <see cref="Ratio"/> when higher is better, its
    /// inverse when lower is better. Above 1 C# did better, below 1 Python did.
    /// </summary>
    public double CSharpAdvantage => Better == Better.Higher ? CSharp / Python : Python / CSharp;

    /// <summary>E.g. <c>speedup with 2 threads: CPython 0.95 ×, C# 1.87 × (C# 1.97× better)</c>.</summary>
    public override string ToString()
    {
        double advantage = CSharpAdvantage;
        string verdict = advantage >= 1
            ? $"C# {Format(advantage)}× better"
            : $"CPython {Format(1 / advantage)}× better";
        return $"{Name}: CPython {Format(Python)} {Unit}, C# {Format(CSharp)} {Unit} ({verdict})";
    }

    /// <summary>Three significant digits, with thousands separators for big values: 0.953, 18.4, 2,340, 1,250,000.</summary>
    /// <param name="value">Any finite number.</param>
    /// <returns>The text.</returns>
    public static string Format(double value)
    {
        double size = Math.Abs(value);
        string format = size switch
        {
            >= 1_000 => "N0",
            >= 100 => "0",
            >= 10 => "0.0",
            >= 1 => "0.00",
            _ => "G3",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
