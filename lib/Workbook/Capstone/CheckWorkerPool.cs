using System.Collections.Concurrent;
using Workbook.Processes;

namespace Workbook.Capstone;

/// <summary>
/// A fake worker pool for the 09.1 check: it records every call (item, token, thread) and either
/// answers at once or holds each item until the check releases it, honouring cancellation.
/// </summary>
/// <remarks>Thread-safe: calls may arrive from any thread; <see cref="ReleaseAll"/> may race with them.</remarks>
internal sealed class CheckWorkerPool(bool holdItems) : IWorkerPool
{
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int WorkerCount => 2;

    public IReadOnlyList<Call> Calls => [.. _calls];

    /// <summary>Completes when the first item arrives.</summary>
    public Task FirstCall => _firstCall.Task;

    public Task<WorkResult> RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var call = new Call(item, cancellationToken, Environment.CurrentManagedThreadId);
        _calls.Enqueue(call);
        _firstCall.TrySetResult();
        if (!holdItems)
        {
            call.Release();
        }

        return call.Result.Task;
    }

    /// <summary>Answers every item still held.</summary>
    public void ReleaseAll()
    {
        foreach (Call call in _calls)
        {
            call.Release();
        }
    }

    /// <summary>One call of <see cref="RunAsync"/>.</summary>
    internal sealed class Call
    {
        public Call(WorkItem item, CancellationToken token, int threadId)
        {
            Item = item;
            Token = token;
            ThreadId = threadId;
            // Cancelling the token cancels the item, as the real pool does.
            token.Register(() => Result.TrySetCanceled(token));
        }

        public WorkItem Item { get; }

        public CancellationToken Token { get; }

        public int ThreadId { get; }

        public TaskCompletionSource<WorkResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release()
        {
            if (Result.Task.IsCompleted)
            {
                return;
            }

            long value = Item.Operation == WorkOperation.CountPrimes ? CpuWork.CountPrimes(Item.Argument, Item.Argument2) : -1;
            Result.TrySetResult(new WorkResult(Item.Label, Item.Operation, value, null, Environment.ProcessId, TimeSpan.Zero));
        }
    }
}
