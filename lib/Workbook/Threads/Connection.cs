using System.Globalization;

namespace Workbook.Threads;

/// <summary>Something expensive that should be created once and shared (exercise 01.4).</summary>
/// <param name="number">Which connection this is (the check numbers them 1, 2, 3 … as it creates them).</param>
public sealed class Connection(int number)
{
    /// <summary>Which connection this is.</summary>
    public int Number { get; } = number;

    /// <summary>E.g. <c>Connection #1</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Connection #{Number}");
}
