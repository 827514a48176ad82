using System.Threading.Channels;

namespace Workbook.Queues;

/// <summary>
/// Exercise 06.1: one stage of a channel pipeline. It reads items from the stage before it, applies
/// some work, and writes the results to a bounded channel read by the stage after it.
/// </summary>
/// <remarks>
/// The contract an answer must keep: every input item comes out exactly once (as <c>work(item)</c>);
/// when the output is full the stage waits instead of dropping; when the input completes the stage
/// completes the output, and only after it has passed on everything it read; when the input fails or
/// <c>work</c> throws, the output is completed with that error so the next stage learns of it.
/// </remarks>
public interface IChannelStage
{
    /// <summary>Runs the stage until its input is finished (or has failed) and its output is completed.</summary>
    /// <param name="input">Where the items come from; completed by the stage before (possibly with an error).</param>
    /// <param name="output">Where <c>work(item)</c> goes; bounded, so writes must wait while it is full.</param>
    /// <param name="work">The work to apply to each item; it may throw.</param>
    /// <param name="cancellationToken">Cancelled when the whole pipeline is being torn down.</param>
    /// <returns>A task that finishes when the stage has finished.</returns>
    Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken);
}
