using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>Entry point for building multi-stage channel pipelines.</summary>
public static class Pipeline
{
    /// <summary>Starts describing a pipeline whose input items are <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">Type of the items written into the pipeline.</typeparam>
    /// <returns>A builder with no stages yet; add them with <c>Then</c>.</returns>
    /// <example><code>
    /// var result = await Pipeline.Create&lt;int&gt;()
    ///     .Then("square", x => x * x, parallelism: 2)
    ///     .Then("format", x => $"#{x}")
    ///     .RunAsync(Enumerable.Range(1, 100));
    /// </code></example>
    public static PipelineBuilder<T, T> Create<T>() => new([]);
}

/// <summary>
/// A running pipeline: write items in, call <see cref="Complete"/>, read <see cref="Output"/>,
/// and await <see cref="Completion"/> for the report.
/// </summary>
/// <typeparam name="TIn">Type of the items written into the first stage.</typeparam>
/// <typeparam name="TOut">Type of the items the last stage produces.</typeparam>
/// <remarks>
/// Thread-safety: <see cref="WriteAsync"/> may be called concurrently by several producers.
/// When the first stage's channel is full, <see cref="WriteAsync"/> waits (backpressure).
/// Graceful shutdown: <see cref="Complete"/> lets each stage drain its input and then completes
/// the next one, so no item is lost. If any stage throws, every stage is cancelled, further
/// writes fail with <see cref="ChannelClosedException"/>, and <see cref="Completion"/> faults
/// with the original exception. Cancelling the token passed to <c>Start</c> stops all stages and
/// <see cref="Completion"/> throws <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class Pipeline<TIn, TOut>
{
    private readonly IReadOnlyList<PipelineStage> stages;
    private readonly ChannelWriter<TIn> input;
    private readonly Channel<TOut> output;
    private readonly PeriodicSampler sampler;
    private readonly PipelineRunState run;

    internal Pipeline(IReadOnlyList<PipelineStageSpec> specs, PipelineOptions options, CancellationToken cancellationToken)
    {
        // The output is unbounded so a caller who reads it late can never stall the pipeline;
        // the bounded channels in front of each stage are what provide backpressure.
        output = Channel.CreateUnbounded<TOut>();

        // Wire from the end: each stage needs the writer of the stage after it.
        var built = new PipelineStage[specs.Count];
        object downstream = output.Writer;
        for (var i = specs.Count - 1; i >= 0; i--)
        {
            built[i] = specs[i].Create(downstream);
            downstream = built[i].InputWriter;
        }

        stages = built;
        input = (ChannelWriter<TIn>)downstream;
        // On the first fault, close the entry so producers get an exception instead of waiting forever.
        run = new PipelineRunState(cancellationToken, error => input.TryComplete(error));
        sampler = new PeriodicSampler(
            options.TimeProvider,
            options.SampleEvery,
            stages.Select(s => (Func<long>)(() => s.Depth)).ToArray());
        var stageTasks = stages.Select(s => s.Start(run)).ToArray();
        Completion = FinishAsync(stageTasks);
    }

    /// <summary>Results of the last stage. Completes when the pipeline does (with its error, if any).</summary>
    public ChannelReader<TOut> Output => output.Reader;

    /// <summary>Completes with the per-stage report when every stage has drained and stopped.</summary>
    public Task<PipelineReport> Completion { get; }

    /// <summary>Task of the depth sampler; completed once the pipeline has finished.</summary>
    internal Task SamplerCompletion => sampler.Completion;

    /// <summary>The depth sampler, for tests that drive it with a fake clock.</summary>
    internal PeriodicSampler Sampler => sampler;

    /// <summary>Writes one item into the first stage, waiting while its channel is full.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>A task that completes when the item is buffered.</returns>
    /// <exception cref="ChannelClosedException">After <see cref="Complete"/>, or when the pipeline failed.</exception>
    public ValueTask WriteAsync(TIn item, CancellationToken cancellationToken = default) =>
        input.WriteAsync(item, cancellationToken);

    /// <summary>Says no more items are coming; stages drain what they have and then stop.</summary>
    /// <param name="error">When given, the pipeline fails with this error instead of finishing normally.</param>
    public void Complete(Exception? error = null) => input.TryComplete(error);

    private async Task<PipelineReport> FinishAsync(Task[] stageTasks)
    {
        IReadOnlyList<(TimeSpan At, long Value)>[] series;
        try
        {
            // Stage tasks never throw: failures are recorded in the run state.
            await Task.WhenAll(stageTasks).ConfigureAwait(false);
        }
        finally
        {
            series = await sampler.StopAsync().ConfigureAwait(false);
            output.Writer.TryComplete(run.Error);
            run.Dispose();
        }

        if (run.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        if (run.CancelledByCaller)
        {
            throw new OperationCanceledException("The pipeline was cancelled.");
        }

        var reports = stages
            .Select((s, i) => new StageReport(
                s.Name,
                s.Parallelism,
                s.Capacity,
                s.Received,
                s.Emitted,
                series[i].Select(p => new DepthSample(p.At, (int)p.Value)).ToArray()))
            .ToArray();
        return new PipelineReport(reports, sampler.Elapsed);
    }
}
