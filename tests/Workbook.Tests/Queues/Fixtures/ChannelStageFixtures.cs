using System.Threading.Channels;
using Workbook.Queues;

namespace Workbook.Tests.Queues.Fixtures;

// Exercise 06.1 as the notebook's stub cell shows it.
public sealed class ChannelStageStub : IChannelStage
{
    public Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: TryWrite instead of WriteAsync; when the output is full the item is silently gone.
public sealed class TryWriteDropsStage : IChannelStage
{
    public async Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in input.ReadAllAsync(cancellationToken))
            {
                output.TryWrite(work(item));
            }

            output.Complete();
        }
        catch (Exception error)
        {
            output.Complete(error);
        }
    }
}

// Wrong answer: forgets to complete the output, so the next stage waits forever.
public sealed class NeverCompletesStage : IChannelStage
{
    public async Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken)
    {
        await foreach (var item in input.ReadAllAsync(cancellationToken))
        {
            await output.WriteAsync(work(item), cancellationToken);
        }
    }
}

// Wrong answer: treats "nothing to read right now" as "finished", completing the output while the input is still open.
public sealed class CompletesWhenEmptyStage : IChannelStage
{
    public async Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken)
    {
        while (input.TryRead(out var item))
        {
            await output.WriteAsync(work(item), cancellationToken);
        }

        output.Complete();
    }
}

// Wrong answer: a finally that always completes normally hides the failure from the next stage.
public sealed class SwallowsErrorsStage : IChannelStage
{
    public async Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in input.ReadAllAsync(cancellationToken))
            {
                await output.WriteAsync(work(item), cancellationToken);
            }
        }
        catch (Exception)
        {
            // "Keep going": the error is dropped here.
        }
        finally
        {
            output.Complete();
        }
    }
}

// Wrong answer: passes the items through without applying the work.
public sealed class ForgetsWorkStage : IChannelStage
{
    public async Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in input.ReadAllAsync(cancellationToken))
            {
                await output.WriteAsync(item, cancellationToken);
            }

            output.Complete();
        }
        catch (Exception error)
        {
            output.Complete(error);
        }
    }
}

// A correct alternative: the explicit WaitToReadAsync/TryRead loop and TryWrite with a WaitToWriteAsync fallback.
public sealed class ExplicitLoopStage : IChannelStage
{
    public async Task RunAsync(ChannelReader<int> input, ChannelWriter<int> output, Func<int, int> work, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            while (await input.WaitToReadAsync(cancellationToken))
            {
                while (input.TryRead(out var item))
                {
                    var result = work(item);
                    while (!output.TryWrite(result))
                    {
                        if (!await output.WaitToWriteAsync(cancellationToken))
                        {
                            return;
                        }
                    }
                }
            }
        }
        catch (Exception error)
        {
            failure = error;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }
}
