using System.Collections.Concurrent;
using System.Threading.Channels;
using Nerdbank.Streams;
using Workbook.Processes.Wire;

namespace Workbook.Worker;

/// <summary>
/// Reads requests from the "work" channel, runs them one at a time in arrival order, and
/// writes each reply back on "work" and progress messages on "log".
/// </summary>
/// <remarks>
/// Reading and executing are separate loops so that a "cancel" frame can reach a request
/// that is already running. When the work channel ends (the parent closed stdin or died),
/// the running request is cancelled and <see cref="RunAsync"/> returns.
/// </remarks>
internal sealed class WorkerHost(MultiplexingStream.Channel work, MultiplexingStream.Channel log)
{
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(2);

    private readonly Channel<WireRequest> _inbox = Channel.CreateUnbounded<WireRequest>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Channel<WireLog> _logs = Channel.CreateUnbounded<WireLog>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _cancellers = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Serves requests until the parent stops sending.</summary>
    public async Task RunAsync()
    {
        Task executor = Task.Run(ExecuteAllAsync);
        Task logWriter = Task.Run(WriteLogsAsync);
        try
        {
            await foreach (WireRequest request in FrameCodec.ReadAllAsync(
                work.Input, WireJson.Default.WireRequest, CancellationToken.None))
            {
                Accept(request);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The parent went away mid-frame; shutting down is all that is left to do.
        }
        finally
        {
            _inbox.Writer.TryComplete();
            _stopping.Cancel();
        }

        await BoundedAsync(executor);
        _logs.Writer.TryComplete();
        await BoundedAsync(logWriter);
    }

    private void Accept(WireRequest request)
    {
        switch (request.Kind)
        {
            case WireNames.Run:
                _cancellers[request.Id] = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _inbox.Writer.TryWrite(request);
                break;
            case WireNames.Cancel:
                // A cancel may arrive after the reply was sent; then there is nothing to cancel.
                if (_cancellers.TryGetValue(request.Id, out CancellationTokenSource? canceller))
                {
                    canceller.Cancel();
                }

                break;
            default:
                Console.Error.WriteLine($"workbook worker: ignoring unknown request kind '{request.Kind}'.");
                break;
        }
    }

    private async Task ExecuteAllAsync()
    {
        await foreach (WireRequest request in _inbox.Reader.ReadAllAsync())
        {
            CancellationTokenSource canceller = _cancellers[request.Id];
            WireReply reply = await Operations.ExecuteAsync(request, _logs.Writer, canceller.Token);
            _cancellers.TryRemove(request.Id, out _);
            canceller.Dispose();
            if (_stopping.IsCancellationRequested)
            {
                continue;
            }

            try
            {
                await FrameCodec.WriteAsync(work.Output, reply, WireJson.Default.WireReply, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }

    private async Task WriteLogsAsync()
    {
        await foreach (WireLog message in _logs.Reader.ReadAllAsync())
        {
            try
            {
                await FrameCodec.WriteAsync(log.Output, message, WireJson.Default.WireLog, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }

    private static async Task BoundedAsync(Task task)
    {
        try
        {
            await task.WaitAsync(DrainBound);
        }
        catch (TimeoutException)
        {
            // Exiting matters more than a tidy drain: the process is about to end anyway.
        }
    }
}
