namespace Workbook.SideBySide;

/// <summary>Where a <see cref="Comparison"/>'s numbers come from.</summary>
public enum ComparisonSource
{
    /// <summary>Both sides ran just now, one after the other, on this machine.</summary>
    Live,

    /// <summary>Python was not available: both sides come from one earlier run, recorded in <c>data/python/recorded/</c>.</summary>
    Recorded,
}
