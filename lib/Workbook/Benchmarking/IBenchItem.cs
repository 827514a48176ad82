namespace Workbook.Benchmarking;

/// <summary>
/// One item of the benchmark command (the numbered list): the rows it measures, the tools
/// it needs, and the code that measures them. The suite skips it when a tool is missing and lists
/// it as pending when the code it measures is not in the checkout yet.
/// </summary>
/// <remarks>Implementations run one at a time; <see cref="RunAsync"/> must leave no process or socket behind.</remarks>
public interface IBenchItem
{
    /// <summary>The item number (1-10), used by <c>--only</c>.</summary>
    int Number { get; }

    /// <summary>A short title, e.g. "CPU-bound parallel speedup".</summary>
    string Title { get; }

    /// <summary>Every row this item produces, declared before it runs.</summary>
    IReadOnlyList<BenchSpec> Specs { get; }

    /// <summary>External programs the item needs; when one is missing every row is skipped.</summary>
    IReadOnlyList<ToolRequirement> Requires { get; }

    /// <summary>Non-null when the item cannot run yet: the reason every row shows (e.g. "pending: needs the loopback farm (issue #6)").</summary>
    string? PendingReason { get; }

    /// <summary>Measures the rows of <see cref="Specs"/>.</summary>
    /// <param name="context">Rounds, sizes, folders and the log.</param>
    /// <param name="cancellationToken">Stops the measurement.</param>
    /// <returns>One row per spec (rows it leaves out are reported as failed).</returns>
    Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
