// Exercise 09.1: A handler that awaits the workers
using System;
using System.Threading;
using System.Threading.Tasks;
using Workbook.Capstone;

// Reference solution: validate first (bad input costs no CPU), bound the work by "client gone OR deadline
// passed" with one linked token, and await the worker so this request's thread serves others meanwhile.
public sealed class QuoteHandler : IQuoteHandler
{
    public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Quotes.Validate(key);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        bounded.CancelAfter(deadline);
        var result = await workers.RunAsync(Quotes.WorkFor(key), bounded.Token);
        return result.Value;
    }
}
