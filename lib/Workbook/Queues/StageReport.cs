namespace Workbook.Queues;

/// <summary>What one pipeline stage did.</summary>
/// <param name="Name">The stage's name.</param>
/// <param name="Parallelism">How many workers served the stage.</param>
/// <param name="Capacity">Capacity of the stage's input channel.</param>
/// <param name="Received">Items the stage's workers took from its input channel.</param>
/// <param name="Emitted">Items the stage finished and passed downstream.</param>
/// <param name="Depth">The stage's input queue depth over time.</param>
public sealed record StageReport(
    string Name,
    int Parallelism,
    int Capacity,
    long Received,
    long Emitted,
    IReadOnlyList<DepthSample> Depth)
{
    /// <summary>The deepest the stage's input queue was seen to be.</summary>
    public int MaxDepth => Depth.Count == 0 ? 0 : Depth.Max(s => s.Depth);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name} (x{Parallelism}, capacity {Capacity}): received {Received}, emitted {Emitted}, max depth {MaxDepth}";
}
