using System.ComponentModel;
using System.Diagnostics;
using Nerdbank.Streams;

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
public sealed partial class WorkerProcess : IAsyncDisposable
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
    private readonly Ledger.LedgerEntry _ledgerEntry;
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
        _ledgerEntry = Ledger.ResourceLedger.Process("WorkerProcess", process.Id);
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
        if (ProcessHasExited)
        {
            Ledger.ResourceLedger.Closed(_ledgerEntry);
        }

        _process.Dispose();
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
