using System.ComponentModel;
using System.Diagnostics;
using Nerdbank.Streams;
using Workbook.Processes.Wire;

namespace Workbook.Processes;

/// <summary>
/// One child process running the workbook's worker program, reached over its stdin/stdout.
/// The pipe is split by Nerdbank.Streams into a "work" channel (requests and results) and a
/// "log" channel (progress messages), so chatter never gets in the way of results.
/// </summary>
/// <remarks>
/// <para><b>Thread-safety:</b> every member may be called from any thread. Concurrent
/// <see cref="RunAsync"/> calls are allowed; the worker runs items one at a time, in the order
/// they arrived, so a second call waits behind the first.</para>
/// <para><b>Cancellation:</b> cancelling a <see cref="RunAsync"/> call cancels the caller's
/// task at once and sends the worker a cancel request; the worker stops the item at its next
/// check (CPU loops check every few thousand steps, sleeps at once) and stays alive.</para>
/// <para><b>Crashes:</b> if the process dies, every call still waiting fails with
/// <see cref="WorkerCrashedException"/> (with the exit code), <see cref="Exited"/> completes,
/// and later calls fail the same way. Nothing waits forever.</para>
/// <para><b>Disposal:</b> <see cref="DisposeAsync"/> kills the process tree and waits (bounded)
/// for it to exit; calls still waiting fail with <see cref="WorkerCrashedException"/>, later
/// calls throw <see cref="ObjectDisposedException"/>. The worker also exits by itself when its
/// stdin closes (<see cref="CloseInput"/>, or the parent dying), so it never outlives the parent.</para>
/// <para><see cref="LogReceived"/> handlers run on a background reader thread; keep them short.
/// An exception from a handler is swallowed so that it cannot break the connection.</para>
/// </remarks>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly MultiplexingStream _mx;
    private readonly MultiplexingStream.Channel _work;
    private readonly MultiplexingStream.Channel _log;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<long, WorkerCall> _pending = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastId;
    private bool _closed;
    private int? _exitCode;
    private int _connectionLost;
    private int _disposed;

    private WorkerProcess(
        Process process, MultiplexingStream mx, MultiplexingStream.Channel work, MultiplexingStream.Channel log)
    {
        _process = process;
        _mx = mx;
        _work = work;
        _log = log;
        ProcessId = process.Id;
    }

    /// <summary>Raised for each message the worker sends on its log channel or writes to stderr.</summary>
    public event Action<WorkerLog>? LogReceived;

    /// <summary>The child's process id.</summary>
    public int ProcessId { get; }

    /// <summary>Whether the child has gone (crashed, killed, or exited after its stdin closed).</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The child's exit code once it has exited (0 after <see cref="CloseInput"/>, 134 after a crash, 137 after a kill on Linux); otherwise null.</summary>
    public int? ExitCode
    {
        get
        {
            lock (_gate)
            {
                return _exitCode;
            }
        }
    }

    /// <summary>Completes once the child has exited and every call it owed has been failed.</summary>
    public Task Exited => _exited.Task;

    /// <summary>Starts a worker process and waits until it is ready for work.</summary>
    /// <param name="cancellationToken">Abandons the start; the half-started child is killed.</param>
    /// <returns>The ready worker. Dispose it to end the child.</returns>
    /// <exception cref="FileNotFoundException">The worker program is not built.</exception>
    /// <exception cref="InvalidOperationException">The child exited during start-up (the message quotes its stderr).</exception>
    public static Task<WorkerProcess> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(onLog: null, cancellationToken);

    /// <summary>Runs one item in the worker and returns its result.</summary>
    /// <param name="item">What to run.</param>
    /// <param name="cancellationToken">Cancels the caller's wait and asks the worker to stop the item.</param>
    /// <returns>The result, once the worker replies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed.</exception>
    /// <exception cref="WorkItemFailedException">The item threw inside the worker (the task fails with it).</exception>
    /// <exception cref="WorkerCrashedException">The worker died before replying (the task fails with it).</exception>
    public Task<WorkResult> RunAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return RunCoreAsync(item, cancellationToken);
    }

    /// <summary>Closes the child's stdin: the polite "no more work". The child finishes and exits with code 0.</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.BaseStream.Dispose();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Already closed or already gone: either way no more input reaches the child.
        }
    }

    /// <summary>Kills the child and anything it started, at once. Safe to call when it has already exited.</summary>
    public void Kill() => KillQuietly(_process);

    /// <summary>Kills the process tree and waits, for a bounded time, until the child has exited and been reaped.</summary>
    /// <returns>A task that completes when the worker is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Kill();
        await WaitBoundedAsync(_exited.Task, ExitBound).ConfigureAwait(false);
        await _mx.DisposeAsync().ConfigureAwait(false);

        // Disposing the multiplexer ends the readers even if the pipe is somehow still open.
        await WaitBoundedAsync(_exited.Task, ExitBound).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>Starts a worker with a log handler attached before the first message can arrive.</summary>
    internal static async Task<WorkerProcess> StartAsync(Action<WorkerLog>? onLog, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stderr = new StderrTail();
        var process = new Process { StartInfo = WorkerLauncher.CreateStartInfo() };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Add(e.Data);
            }
        };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose(); // Nothing started (e.g. no dotnet host found), so nothing to reap.
            throw;
        }

        process.BeginErrorReadLine();

        MultiplexingStream? mx = null;
        try
        {
            Task exited = process.WaitForExitAsync(CancellationToken.None);
            Stream duplex = FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
            mx = await MultiplexingStream.CreateAsync(
                duplex, new MultiplexingStream.Options { ProtocolMajorVersion = 3 }, cancellationToken).ConfigureAwait(false);
            Task<MultiplexingStream.Channel> work = mx.OfferChannelAsync(WireNames.WorkChannel, cancellationToken);
            Task<MultiplexingStream.Channel> log = mx.OfferChannelAsync(WireNames.LogChannel, cancellationToken);
            Task offered = Task.WhenAll(work, log);
            _ = offered.ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

            // A child that cannot run (no runtime, broken DLL) exits instead of accepting the channels.
            if (await Task.WhenAny(offered, exited).WaitAsync(cancellationToken).ConfigureAwait(false) != offered)
            {
                throw new InvalidOperationException(
                    $"Worker process {process.Id} exited with code {process.ExitCode} during start-up. {stderr.Describe()}");
            }

            var worker = new WorkerProcess(process, mx, await work.ConfigureAwait(false), await log.ConfigureAwait(false));
            if (onLog is not null)
            {
                worker.LogReceived += onLog;
            }

            stderr.Forward = line => worker.Raise(new WorkerLog(worker.ProcessId, null, WorkerLogKind.Stderr, line));
            worker.StartReading();
            return worker;
        }
        catch
        {
            KillQuietly(process);
            if (mx is not null)
            {
                await mx.DisposeAsync().ConfigureAwait(false);
            }

            await WaitBoundedAsync(process.WaitForExitAsync(CancellationToken.None), ExitBound).ConfigureAwait(false);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Asks the operating system directly whether the child has exited, without waiting for the
    /// pipe to report it (on Unix this reaps the child if it is a zombie).
    /// </summary>
    internal bool ProcessHasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true; // Disposed: certainly not running.
            }
        }
    }

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

    /// <summary>Closes stdin, waits up to <paramref name="grace"/> for a clean exit, then kills.</summary>
    internal async Task ShutdownAsync(TimeSpan grace)
    {
        CloseInput();
        await WaitBoundedAsync(_exited.Task, grace).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    private async Task<WorkResult> RunCoreAsync(WorkItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WorkerCall call = await SubmitAsync(item).ConfigureAwait(false);
        try
        {
            return await call.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !call.Task.IsCompleted)
        {
            // Sent from here rather than from a token registration: WaitAsync's own callback can
            // resume this method inline and dispose such a registration before it ever runs.
            RequestCancel(call.Id);
            throw;
        }
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

    private void Raise(WorkerLog message)
    {
        Action<WorkerLog>? handler = LogReceived;
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(message);
        }
        catch (Exception ex)
        {
            Debug.WriteLine($"A WorkerProcess.LogReceived handler threw: {ex}");
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited (or never started): nothing left to kill.
        }
    }

    private static async Task<bool> WaitBoundedAsync(Task task, TimeSpan bound)
    {
        try
        {
            await task.WaitAsync(bound).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
