namespace Workbook.Benchmarking;

/// <summary>What became of one measurement of the benchmark command.</summary>
public enum BenchStatus
{
    /// <summary>Measured, and the ratio reaches its target.</summary>
    Met,

    /// <summary>Measured, and the ratio misses its target; the notes say what limits it.</summary>
    NotMet,

    /// <summary>Measured for information only: there is no target (or no ratio) to judge.</summary>
    Reported,

    /// <summary>Not measured because something it needs is missing on this machine (e.g. <c>wrk</c>); never counts as met.</summary>
    Skipped,

    /// <summary>Not measured yet because the code it measures is not in this checkout (another issue provides it).</summary>
    Pending,

    /// <summary>The measurement threw or produced an impossible value; the notes hold the error.</summary>
    Failed,
}
