namespace Workbook.Queues;

/// <summary>The number of items waiting in a channel at one moment of a run.</summary>
/// <param name="At">Time since the run started.</param>
/// <param name="Depth">Items buffered in the channel at that moment.</param>
public sealed record DepthSample(TimeSpan At, int Depth)
{
    /// <inheritdoc />
    public override string ToString() => $"{At.TotalMilliseconds:0} ms: {Depth}";
}
