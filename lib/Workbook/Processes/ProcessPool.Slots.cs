namespace Workbook.Processes;

/// <content>The slots: each runs one worker, serves the queue, and replaces its worker when it dies.</content>
public sealed partial class ProcessPool
{
    /// <summary>The loop of one slot: take the next item, run it on this slot's worker, repeat.</summary>
    private async Task ServeAsync(PoolSlot slot)
    {
        while (true)
        {
            WorkerProcess? worker = await slot.Current.ConfigureAwait(false);
            if (worker is null)
            {
                OnSlotLost();
                return;
            }

            // Wait for work, but also notice a worker that dies while idle (killed from outside).
            Task<bool> ready = _queue.Reader.WaitToReadAsync(_shutdown.Token).AsTask();
            if (await Task.WhenAny(ready, worker.Exited).ConfigureAwait(false) != ready)
            {
                Replace(slot, worker);
                continue;
            }

            try
            {
                if (!await ready.ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!_queue.Reader.TryRead(out PoolJob? job) || job.IsFinished)
            {
                continue;
            }

            if (worker.ProcessHasExited)
            {
                // The worker died while idle and its pipe has not told us yet. The item never
                // reached it, so it must not be charged a retry: put it back and replace the worker.
                Replace(slot, worker);
                Requeue(job);
                continue;
            }

            await RunJobAsync(slot, worker, job).ConfigureAwait(false);
        }
    }

    private async Task RunJobAsync(PoolSlot slot, WorkerProcess worker, PoolJob job)
    {
        slot.Running = job;
        TimeSpan start = Now();
        WorkerCall call = await worker.SubmitAsync(job.Item).ConfigureAwait(false);
        ActivityOutcome outcome;
        Action settle;
        using (job.CancellationToken.UnsafeRegister(
            static state =>
            {
                (WorkerProcess target, long id) = ((WorkerProcess, long))state!;
                target.RequestCancel(id);
            },
            (worker, call.Id)))
        {
            try
            {
                WorkResult result = await call.Task.ConfigureAwait(false);
                (outcome, settle) = (ActivityOutcome.Completed, () => job.TrySucceed(result));
            }
            catch (WorkerCrashedException crash)
            {
                // Replace first, so that anyone who sees this item fail and then calls
                // WaitUntilReadyAsync also waits for this slot's new worker.
                Replace(slot, worker);
                (outcome, settle) = (ActivityOutcome.Crashed, () => RetryOrFail(job, crash));
            }
            catch (OperationCanceledException)
            {
                (outcome, settle) = (ActivityOutcome.Cancelled, job.TryCancel);
            }
            catch (Exception error)
            {
                (outcome, settle) = (ActivityOutcome.Failed, () => job.TryFail(error));
            }
        }

        // Record before settling: a caller who awaited the item then reads the timeline sees it.
        slot.Running = null;
        Record(new ActivitySpan(slot.Index, worker.ProcessId, job.Item.Label, start, Now(), outcome));
        settle();
    }

    private void RetryOrFail(PoolJob job, WorkerCrashedException crash)
    {
        job.Crashes++;
        if (job.IsFinished)
        {
            return;
        }

        // Back of the queue: the next idle worker (never the dead one) picks it up.
        if (job.Crashes <= _options.MaxRetries && _queue.Writer.TryWrite(job))
        {
            return;
        }

        job.TryFail(IsDisposed
            ? Disposed()
            : new WorkerCrashedException(job.Item.Label, crash.ExitCode, crash.ProcessId, job.Crashes));
    }

    private void Requeue(PoolJob job)
    {
        if (!_queue.Writer.TryWrite(job))
        {
            job.TryFail(IsDisposed ? Disposed() : NoWorkersLeft());
        }
    }

    private void Replace(PoolSlot slot, WorkerProcess dead)
    {
        lock (_gate)
        {
            if (_disposing)
            {
                // Disposal already holds this worker in its snapshot and will reap it.
                slot.Current = Task.FromResult<WorkerProcess?>(null);
                return;
            }

            slot.Restarts++;
            Interlocked.Increment(ref _restarts);
            slot.Current = ReplaceAsync(dead);
        }
    }

    private async Task<WorkerProcess?> ReplaceAsync(WorkerProcess dead)
    {
        await dead.DisposeAsync().ConfigureAwait(false);
        for (int attempt = 1; attempt <= StartAttempts; attempt++)
        {
            try
            {
                return await StartWorkerAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception error)
            {
                Volatile.Write(ref _lastStartError, error);
            }
        }

        return null;
    }

    private void OnSlotLost()
    {
        if (Interlocked.Decrement(ref _liveSlots) > 0 || IsDisposed)
        {
            return;
        }

        // No worker is left to serve the queue: fail what waits instead of letting it wait forever.
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out PoolJob? job))
        {
            job.TryFail(NoWorkersLeft());
        }
    }
}
