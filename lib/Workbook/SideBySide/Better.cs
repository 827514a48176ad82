namespace Workbook.SideBySide;

/// <summary>Which direction of a <see cref="Figure"/> is the good one.</summary>
public enum Better
{
    /// <summary>More is better: speedups, items per second.</summary>
    Higher,

    /// <summary>Less is better: times, costs per item.</summary>
    Lower,
}
