namespace Workbook.Processes;

/// <content>Start-up and shutdown of the pool's worker processes.</content>
public sealed partial class ProcessPool
{
    private async Task<ProcessPool> StartCoreAsync(CancellationToken cancellationToken)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new PoolSlot(i, StartWorkerAsync(cancellationToken));
        }

        try
        {
            await Task.WhenAll(_slots.Select(slot => slot.Current)).ConfigureAwait(false);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _liveSlots = _slots.Length;
        _loops = [.. _slots.Select(slot => Task.Run(() => ServeAsync(slot)))];
        return this;
    }

    private async Task<WorkerProcess?> StartWorkerAsync(CancellationToken cancellationToken)
    {
        WorkerProcess worker = await WorkerProcess.StartAsync(log => LogReceived?.Invoke(log), cancellationToken)
            .ConfigureAwait(false);
        lock (_gate)
        {
            _processIds.Add(worker.ProcessId);
        }

        return worker;
    }

    private async Task DisposeCoreAsync(Task<WorkerProcess?>[] workers)
    {
        _queue.Writer.TryComplete();
        _shutdown.Cancel();
        while (_queue.Reader.TryRead(out PoolJob? job))
        {
            job.TryFail(Disposed());
        }

        foreach (PoolSlot slot in _slots)
        {
            slot.Running?.TryFail(Disposed());
        }

        // Only now close the workers: every unfinished item already holds its ObjectDisposedException.
        await Task.WhenAll(workers.Select(ShutdownAsync)).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).WaitAsync(LoopExitBound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The processes are gone, which is what matters; a stuck loop holds no resources.
        }

        _disposed.TrySetResult();
    }

    private async Task ShutdownAsync(Task<WorkerProcess?> starting)
    {
        WorkerProcess? worker;
        try
        {
            worker = await starting.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // It never started, so there is nothing to stop.
        }

        if (worker is not null)
        {
            await worker.ShutdownAsync(_options.ShutdownGrace).ConfigureAwait(false);
        }
    }
}
