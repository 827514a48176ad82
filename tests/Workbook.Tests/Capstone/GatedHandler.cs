using Workbook.Capstone;

namespace Workbook.Tests.Capstone;

/// <summary>A test handler plugged into the service: every request waits at one gate, then computes the quote here.</summary>
internal sealed class GatedHandler : IQuoteHandler
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entered;

    public int Entered => Volatile.Read(ref _entered);

    public void Open() => _gate.TrySetResult();

    public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Interlocked.Increment(ref _entered);
        await _gate.Task.WaitAsync(requestAborted);
        return Quotes.Compute(key, requestAborted);
    }
}
