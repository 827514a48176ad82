namespace Workbook.Queues;

/// <summary>Per-stage counts and queue depths of a finished pipeline.</summary>
/// <param name="Stages">One report per stage, in pipeline order.</param>
/// <param name="Elapsed">Time from start until the last stage finished.</param>
public sealed record PipelineReport(IReadOnlyList<StageReport> Stages, TimeSpan Elapsed)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"Pipeline finished in {Elapsed.TotalMilliseconds:0} ms" + Environment.NewLine +
        string.Join(Environment.NewLine, Stages.Select(s => "  " + s));
}

/// <summary>The results and the report of <see cref="PipelineBuilder{TIn, TOut}.RunAsync"/>.</summary>
/// <typeparam name="TOut">Type of the last stage's results.</typeparam>
/// <param name="Outputs">Everything the last stage produced (order not guaranteed when a stage runs in parallel).</param>
/// <param name="Report">Per-stage counts and queue depths.</param>
public sealed record PipelineResult<TOut>(IReadOnlyList<TOut> Outputs, PipelineReport Report)
{
    /// <inheritdoc />
    public override string ToString() => $"{Outputs.Count} outputs. {Report}";
}
