namespace Workbook.Queues;

/// <summary>
/// Describes a pipeline stage by stage; each <c>Then</c> adds a stage with its own bounded
/// input channel and degree of parallelism. Builders are immutable: each call returns a new one.
/// </summary>
/// <typeparam name="TIn">Type of the items written into the pipeline.</typeparam>
/// <typeparam name="TOut">Type of the items the last stage so far produces.</typeparam>
/// <remarks>
/// Thread-safety: immutable, so a builder may be shared and started many times; each
/// <see cref="Start"/> or <see cref="RunAsync"/> creates fresh channels and workers.
/// </remarks>
public sealed class PipelineBuilder<TIn, TOut>
{
    private readonly IReadOnlyList<PipelineStageSpec> specs;

    internal PipelineBuilder(IReadOnlyList<PipelineStageSpec> specs) => this.specs = specs;

    /// <summary>Names of the stages added so far.</summary>
    public IReadOnlyList<string> StageNames => specs.Select(s => s.Name).ToArray();

    /// <summary>Adds an asynchronous stage.</summary>
    /// <typeparam name="TNext">Type the stage produces.</typeparam>
    /// <param name="name">Stage name used in reports.</param>
    /// <param name="work">Work done on each item; it may run concurrently when <paramref name="parallelism"/> &gt; 1.</param>
    /// <param name="parallelism">Number of workers reading the stage's input channel.</param>
    /// <param name="capacity">Capacity of the stage's input channel (writers wait when it is full).</param>
    /// <returns>A builder whose output type is <typeparamref name="TNext"/>.</returns>
    public PipelineBuilder<TIn, TNext> Then<TNext>(
        string name,
        Func<TOut, CancellationToken, ValueTask<TNext>> work,
        int parallelism = 1,
        int capacity = 16)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (specs.Any(s => s.Name == name))
        {
            throw new ArgumentException($"A stage named '{name}' already exists; stage names must be unique.", nameof(name));
        }

        return new PipelineBuilder<TIn, TNext>([.. specs, new PipelineStageSpec<TOut, TNext>(name, parallelism, capacity, work)]);
    }

    /// <summary>Adds a synchronous stage.</summary>
    /// <typeparam name="TNext">Type the stage produces.</typeparam>
    /// <param name="name">Stage name used in reports.</param>
    /// <param name="work">Work done on each item.</param>
    /// <param name="parallelism">Number of workers reading the stage's input channel.</param>
    /// <param name="capacity">Capacity of the stage's input channel.</param>
    /// <returns>A builder whose output type is <typeparamref name="TNext"/>.</returns>
    public PipelineBuilder<TIn, TNext> Then<TNext>(string name, Func<TOut, TNext> work, int parallelism = 1, int capacity = 16)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Then<TNext>(name, (item, _) => ValueTask.FromResult(work(item)), parallelism, capacity);
    }

    /// <summary>Starts the stages; write items with <c>WriteAsync</c> and finish with <c>Complete</c>.</summary>
    /// <param name="options">Sampling interval and clock; defaults when null.</param>
    /// <param name="cancellationToken">Stops every stage.</param>
    /// <returns>The running pipeline.</returns>
    public Pipeline<TIn, TOut> Start(PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PipelineOptions();
        options.Validate();
        if (specs.Count == 0)
        {
            throw new InvalidOperationException("The pipeline has no stages; add at least one with Then(...).");
        }

        return new Pipeline<TIn, TOut>(specs, options, cancellationToken);
    }

    /// <summary>Feeds <paramref name="items"/> through the pipeline, shuts it down gracefully and collects the results.</summary>
    /// <param name="items">The input items.</param>
    /// <param name="options">Sampling interval and clock; defaults when null.</param>
    /// <param name="cancellationToken">Stops every stage.</param>
    /// <returns>All outputs and the per-stage report.</returns>
    /// <exception cref="Exception">Whatever a stage threw first.</exception>
    public async Task<PipelineResult<TOut>> RunAsync(
        IEnumerable<TIn> items,
        PipelineOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var pipeline = Start(options, cancellationToken);
        var drained = DrainAsync(pipeline.Output);
        try
        {
            foreach (var item in items)
            {
                await pipeline.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }

            pipeline.Complete();
        }
        catch (Exception ex)
        {
            // A closed channel means a stage failed: Completion carries the real cause.
            // Anything else (a throwing enumerator, cancellation) fails the pipeline itself.
            pipeline.Complete(ex);
        }

        var report = await pipeline.Completion.ConfigureAwait(false);
        return new PipelineResult<TOut>(await drained.ConfigureAwait(false), report);
    }

    private static async Task<IReadOnlyList<TOut>> DrainAsync(System.Threading.Channels.ChannelReader<TOut> reader)
    {
        var results = new List<TOut>();
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    results.Add(item);
                }
            }
        }
        catch (Exception)
        {
            // The output was completed with the pipeline's error; Completion reports it.
        }

        return results;
    }
}
