using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>The untyped view of a running stage that the pipeline needs for wiring and reports.</summary>
internal abstract class PipelineStage
{
    protected PipelineStage(string name, int parallelism, int capacity)
    {
        Name = name;
        Parallelism = parallelism;
        Capacity = capacity;
    }

    public string Name { get; }

    public int Parallelism { get; }

    public int Capacity { get; }

    public abstract long Received { get; }

    public abstract long Emitted { get; }

    public abstract int Depth { get; }

    /// <summary>The stage's input writer (a <c>ChannelWriter&lt;TIn&gt;</c>), handed to the stage upstream.</summary>
    public abstract object InputWriter { get; }

    /// <summary>Completes the input channel, with an error when the pipeline is failing.</summary>
    public abstract void CompleteInput(Exception? error);

    /// <summary>Starts the workers; the task ends after they stop and the downstream channel is completed.</summary>
    public abstract Task Start(PipelineRunState run);
}

/// <summary>Describes a stage before the pipeline starts; creates its running form.</summary>
internal abstract class PipelineStageSpec(string name, int parallelism, int capacity)
{
    public string Name { get; } = name;

    public int Parallelism { get; } = parallelism;

    public int Capacity { get; } = capacity;

    /// <summary>Creates the stage, writing its results to <paramref name="downstream"/> (a <c>ChannelWriter&lt;TOut&gt;</c>).</summary>
    public abstract PipelineStage Create(object downstream);
}

/// <summary>A stage turning <typeparamref name="TIn"/> into <typeparamref name="TOut"/>.</summary>
internal sealed class PipelineStageSpec<TIn, TOut>(
    string name,
    int parallelism,
    int capacity,
    Func<TIn, CancellationToken, ValueTask<TOut>> work) : PipelineStageSpec(name, parallelism, capacity)
{
    public Func<TIn, CancellationToken, ValueTask<TOut>> Work { get; } = work;

    public override PipelineStage Create(object downstream) =>
        new Running(this, (ChannelWriter<TOut>)downstream);

    private sealed class Running(PipelineStageSpec<TIn, TOut> spec, ChannelWriter<TOut> downstream)
        : PipelineStage(spec.Name, spec.Parallelism, spec.Capacity)
    {
        private readonly Channel<TIn> input = Channel.CreateBounded<TIn>(
            new BoundedChannelOptions(spec.Capacity) { SingleReader = spec.Parallelism == 1 });

        private long received;
        private long emitted;

        public override long Received => Interlocked.Read(ref received);

        public override long Emitted => Interlocked.Read(ref emitted);

        public override int Depth => input.Reader.Count;

        public override object InputWriter => input.Writer;

        public override void CompleteInput(Exception? error) => input.Writer.TryComplete(error);

        public override async Task Start(PipelineRunState run)
        {
            var workers = new Task[Parallelism];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(() => WorkAsync(run));
            }

            await Task.WhenAll(workers).ConfigureAwait(false);

            // Only now, when every worker of this stage has stopped, may the next stage learn that no
            // more items are coming; completing earlier would lose items still being processed.
            downstream.TryComplete(run.Error ?? (run.Token.IsCancellationRequested ? new OperationCanceledException(run.Token) : null));
        }

        private async Task WorkAsync(PipelineRunState run)
        {
            try
            {
                await foreach (var item in input.Reader.ReadAllAsync(run.Token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref received);
                    var result = await spec.Work(item, run.Token).ConfigureAwait(false);
                    await downstream.WriteAsync(result, run.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref emitted);
                }
            }
            catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
            {
                // The pipeline is being torn down (a fault elsewhere, or the caller cancelled).
            }
            catch (Exception ex)
            {
                run.Fault(ex);
            }
        }
    }
}
