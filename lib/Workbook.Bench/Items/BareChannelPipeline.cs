using System.Threading.Channels;

namespace Workbook.Bench.Items;

/// <summary>
/// The baseline for the queues chapter's pipeline: the same stages written by hand with bare
/// <see cref="Channel"/>s (a bounded channel in front of each stage, one reader per stage, an
/// unbounded output), without the pipeline's counters, depth sampler or error handling.
/// </summary>
/// <remarks>Each call builds fresh channels and workers and awaits them all; nothing outlives it.</remarks>
internal static class BareChannelPipeline
{
    /// <summary>Pushes <paramref name="items"/> through one stage per function and collects the outputs.</summary>
    /// <param name="items">How many items (1, 2 … items).</param>
    /// <param name="stages">The work of each stage, in order.</param>
    /// <param name="capacity">Bound of each stage's input channel (the pipeline's default is 16).</param>
    /// <returns>Every output, in arrival order.</returns>
    public static async Task<List<long>> RunAsync(int items, IReadOnlyList<Func<long, long>> stages, int capacity)
    {
        var inputs = stages.Select(_ => Channel.CreateBounded<long>(new BoundedChannelOptions(capacity) { SingleReader = true })).ToArray();
        var output = Channel.CreateUnbounded<long>();
        var workers = new Task[stages.Count];
        for (int s = 0; s < stages.Count; s++)
        {
            ChannelReader<long> reader = inputs[s].Reader;
            ChannelWriter<long> writer = s + 1 < stages.Count ? inputs[s + 1].Writer : output.Writer;
            Func<long, long> work = stages[s];
            workers[s] = Task.Run(async () =>
            {
                await foreach (long item in reader.ReadAllAsync().ConfigureAwait(false))
                {
                    await writer.WriteAsync(work(item)).ConfigureAwait(false);
                }

                writer.Complete();
            });
        }

        Task<List<long>> drained = DrainAsync(output.Reader);
        for (long i = 1; i <= items; i++)
        {
            await inputs[0].Writer.WriteAsync(i).ConfigureAwait(false);
        }

        inputs[0].Writer.Complete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return await drained.ConfigureAwait(false);
    }

    private static async Task<List<long>> DrainAsync(ChannelReader<long> reader)
    {
        var results = new List<long>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out long item))
            {
                results.Add(item);
            }
        }

        return results;
    }
}
