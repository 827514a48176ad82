using System.Collections.ObjectModel;
using System.Numerics;

namespace Workbook.Charts;

/// <summary>A named list of (x, y) points: one line of a <see cref="Plot.Line(IEnumerable{Series}, string, string, string, Series?, bool, bool)"/> chart.</summary>
/// <remarks>Immutable, so it is safe to share between threads.</remarks>
public sealed record Series
{
    /// <summary>Creates a series from matching x and y values.</summary>
    /// <param name="name">The legend entry; not empty.</param>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values, one per x value.</param>
    /// <exception cref="ArgumentException">The name is blank, or x and y differ in length.</exception>
    public Series(string name, IEnumerable<double> x, IEnumerable<double> y)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        double[] xs = x.ToArray();
        double[] ys = y.ToArray();
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"Series '{name}' has {xs.Length} x values but {ys.Length} y values; they must match.", nameof(y));
        }
        Name = name;
        X = new ReadOnlyCollection<double>(xs);
        Y = new ReadOnlyCollection<double>(ys);
    }

    /// <summary>Creates a series from points of any numeric types, e.g. <c>Series.Of("measured", [(1, 1.0), (2, 1.9)])</c>.</summary>
    /// <typeparam name="TX">The numeric type of x (int, long, double…).</typeparam>
    /// <typeparam name="TY">The numeric type of y.</typeparam>
    /// <param name="name">The legend entry; not empty.</param>
    /// <param name="points">The points, in the order to draw them.</param>
    /// <returns>The series.</returns>
    public static Series Of<TX, TY>(string name, IEnumerable<(TX X, TY Y)> points)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY>
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        return new Series(
            name,
            list.Select(p => double.CreateChecked(p.X)),
            list.Select(p => double.CreateChecked(p.Y)));
    }

    /// <summary>The legend entry.</summary>
    public string Name { get; }

    /// <summary>The x values.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The y values, one per x value.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>How many points the series has.</summary>
    public int Count => X.Count;

    /// <summary>E.g. "measured (5 points)".</summary>
    /// <returns>The name and the number of points.</returns>
    public override string ToString() => $"{Name} ({Count} points)";
}
