using Nerdbank.Streams;
using Workbook.Processes.Wire;

namespace Workbook.Worker;

/// <summary>
/// Entry point of the worker child process. Stdout carries the multiplexed stream and nothing
/// else; diagnostics go to stderr. The process ends when its stdin reaches end-of-file, which
/// is also what happens when the parent dies, so an orphaned worker never lingers.
/// </summary>
internal static class Program
{
    private static async Task<int> Main()
    {
        Stream input = Console.OpenStandardInput();
        Stream output = Console.OpenStandardOutput();

        // From here on stdout belongs to the multiplexer: one stray Console.WriteLine would
        // corrupt its frames, so anything printed by accident goes to stderr instead.
        Console.SetOut(Console.Error);

        try
        {
            var options = new MultiplexingStream.Options { ProtocolMajorVersion = 3 };
            await using MultiplexingStream mx = await MultiplexingStream.CreateAsync(
                FullDuplexStream.Splice(input, output), options, CancellationToken.None);

            // If the parent vanishes before offering the channels, stop waiting for them.
            using var parentGone = new CancellationTokenSource();
            _ = mx.Completion.ContinueWith(
                _ => parentGone.Cancel(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

            MultiplexingStream.Channel work = await mx.AcceptChannelAsync(WireNames.WorkChannel, parentGone.Token);
            MultiplexingStream.Channel log = await mx.AcceptChannelAsync(WireNames.LogChannel, parentGone.Token);
            await new WorkerHost(work, log).RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is EndOfStreamException or OperationCanceledException or ObjectDisposedException)
        {
            // The parent closed our stdin before the conversation started: nothing to do.
            return 0;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"workbook worker {Environment.ProcessId}: {ex}");
            return 1;
        }
    }
}
