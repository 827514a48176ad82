namespace Workbook.SideBySide;

/// <summary>What a <see cref="Figure"/> compares.</summary>
public enum FigureKind
{
    /// <summary>
    /// A ratio measured within each language, such as a speedup with two threads: how well the
    /// technique works there. Compare its shape (≈1× vs ≈2×), not which language is faster.
    /// </summary>
    Scaling,

    /// <summary>A cost or a rate of the same work, such as nanoseconds per item: which language does it faster.</summary>
    Speed,
}
