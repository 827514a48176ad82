namespace Workbook.Benchmarking;

/// <summary>Which side of its target value a ratio must fall on.</summary>
public enum TargetComparison
{
    /// <summary>The ratio must be at least the target value (e.g. a speedup).</summary>
    AtLeast,

    /// <summary>The ratio must be at most the target value (e.g. time relative to an ideal).</summary>
    AtMost,
}
