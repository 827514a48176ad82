using Workbook.Processes.Wire;

namespace Workbook.Processes;

/// <content>The conversation: sending requests, matching replies, forwarding logs, noticing the end.</content>
public sealed partial class WorkerProcess
{
    /// <summary>Sends an item; the returned call completes when the worker replies or dies. Never throws.</summary>
    internal async Task<WorkerCall> SubmitAsync(WorkItem item)
    {
        var call = new WorkerCall(Interlocked.Increment(ref _lastId), item);
        bool accepted;
        lock (_gate)
        {
            accepted = !_closed;
            if (accepted)
            {
                _pending.Add(call.Id, call);
            }
        }

        if (!accepted)
        {
            call.Fail(new WorkerCrashedException(item.Label, ExitCode, ProcessId));
            return call;
        }

        var request = new WireRequest(WireNames.Run, call.Id, item.WireOperation, item.Label, item.Argument, item.Argument2, item.Text);
        if (!await TrySendAsync(request).ConfigureAwait(false))
        {
            // A worker we cannot write to is useless. Killing it guarantees its stdout ends,
            // so the reader fails this call (and any other) instead of leaving it waiting.
            Kill();
        }

        return call;
    }

    /// <summary>Asks the worker to stop a request; harmless if it already replied.</summary>
    internal void RequestCancel(long id)
    {
        lock (_gate)
        {
            if (_closed || !_pending.ContainsKey(id))
            {
                return;
            }
        }

        // Off the canceller's thread: Cancel() callers should not wait on our pipe.
        _ = Task.Run(() => TrySendAsync(new WireRequest(WireNames.Cancel, id)));
    }

    private void StartReading()
    {
        _ = ReadRepliesAsync();
        _ = ReadLogsAsync();
        _ = WatchExitAsync();
    }

    private async Task ReadRepliesAsync()
    {
        try
        {
            await foreach (WireReply reply in FrameCodec.ReadAllAsync(
                _work.Input, WireJson.Default.WireReply, CancellationToken.None).ConfigureAwait(false))
            {
                Complete(reply);
            }
        }
        catch (Exception)
        {
            // A broken or corrupt stream means the same as an ended one: this worker is finished.
        }

        await OnConnectionLostAsync().ConfigureAwait(false);
    }

    private async Task ReadLogsAsync()
    {
        try
        {
            await foreach (WireLog message in FrameCodec.ReadAllAsync(
                _log.Input, WireJson.Default.WireLog, CancellationToken.None).ConfigureAwait(false))
            {
                WorkerLogKind kind = message.Kind == WireNames.Progress ? WorkerLogKind.Progress : WorkerLogKind.Info;
                Raise(new WorkerLog(ProcessId, message.Label, kind, message.Message, message.Progress));
            }
        }
        catch (Exception)
        {
            // Losing the log channel loses only chatter; the work channel decides the worker's fate.
        }
    }

    private async Task WatchExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);

        // Safety net: once the child is gone its stdout must end soon. If the multiplexer has
        // not noticed by then, dispose it so the reader stops and pending calls are failed.
        if (!await WaitBoundedAsync(_exited.Task, ExitBound).ConfigureAwait(false))
        {
            await _mx.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Complete(WireReply reply)
    {
        WorkerCall? call;
        lock (_gate)
        {
            _pending.Remove(reply.Id, out call);
        }

        if (call is null)
        {
            return;
        }

        switch (reply.Status)
        {
            case WireNames.Ok:
                call.Succeed(new WorkResult(
                    call.Item.Label, call.Item.Operation, reply.Value, reply.Text, ProcessId, TimeSpan.FromMilliseconds(reply.ElapsedMs)));
                break;
            case WireNames.Cancelled:
                call.Cancelled();
                break;
            default:
                call.Fail(new WorkItemFailedException(
                    call.Item.Label, reply.ErrorType ?? "unknown", reply.Error ?? reply.Status, ProcessId));
                break;
        }
    }

    private async Task OnConnectionLostAsync()
    {
        if (Interlocked.Exchange(ref _connectionLost, 1) != 0)
        {
            return;
        }

        // The pipe usually breaks a moment before the OS reports the exit; wait for it so the
        // exception can carry the real exit code. A child that keeps running is killed.
        Task exit = _process.WaitForExitAsync(CancellationToken.None);
        if (!await WaitBoundedAsync(exit, ExitBound).ConfigureAwait(false))
        {
            Kill();
            await WaitBoundedAsync(exit, ExitBound).ConfigureAwait(false);
        }

        int? code = _process.HasExited ? _process.ExitCode : null;
        WorkerCall[] orphans;
        lock (_gate)
        {
            _closed = true;
            _exitCode = code;
            orphans = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (WorkerCall call in orphans)
        {
            call.Fail(new WorkerCrashedException(call.Item.Label, code, ProcessId));
        }

        _exited.TrySetResult();
    }

    private async Task<bool> TrySendAsync(WireRequest request)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await FrameCodec.WriteAsync(_work.Output, request, WireJson.Default.WireRequest, CancellationToken.None)
                .ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
