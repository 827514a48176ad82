// Exercise 06.1: A stage that never drops an item
#nullable enable
using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Workbook.Queues;

// Reference solution: await foreach ends only when the input is completed and empty (and throws if the
// stage before failed); WriteAsync waits while the output is full; the output is completed once, after
// the loop, with the error if there was one.
public sealed class NeverDropStage : IChannelStage
{
    public async Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output,
                               Func<int, int> work, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in input.ReadAllAsync(cancellationToken))
            {
                await output.WriteAsync(work(item), cancellationToken);
            }

            output.Complete();
        }
        catch (Exception error)
        {
            output.Complete(error);
        }
    }
}
