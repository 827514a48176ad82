using Workbook.Processes;

namespace Workbook.Capstone;

/// <summary>The library's answer to checkpoint 09.1: validate, send the work to the pool, await it under a deadline.</summary>
/// <remarks>Stateless, so one instance serves every request at once.</remarks>
internal sealed class AwaitingHandler : IQuoteHandler
{
    public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Quotes.Validate(key);
        ArgumentNullException.ThrowIfNull(workers);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        bounded.CancelAfter(deadline);
        // Awaiting hands the request thread back to the pool until a worker process has the answer.
        WorkResult result = await workers.RunAsync(Quotes.WorkFor(key), bounded.Token).ConfigureAwait(false);
        return result.Value;
    }
}
