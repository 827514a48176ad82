using Workbook.Capstone;

namespace Workbook.Tests.Capstone.Fixtures;

// Exercise 09.1 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
// TODO: validate the key, send Quotes.WorkFor(key) to the workers and await it, bounded by the deadline and the request.
public sealed class QuoteHandlerStub : IQuoteHandler
{
    public Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted) =>
        throw new NotImplementedException();
}

// Wrong answer: computes on the request thread; the worker pool is never used.
public sealed class InlineHandler : IQuoteHandler
{
    public Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Quotes.Validate(key);
        return Task.FromResult(Quotes.Compute(key, requestAborted));
    }
}

// Wrong answer: sync over async; the request's thread is blocked until the worker answers.
public sealed class BlockingHandler : IQuoteHandler
{
    public Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Quotes.Validate(key);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        bounded.CancelAfter(deadline);
        return Task.FromResult(workers.RunAsync(Quotes.WorkFor(key), bounded.Token).Result.Value);
    }
}

// Wrong answer: no deadline; only the request's own token bounds the work.
public sealed class NoDeadlineHandler : IQuoteHandler
{
    public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Quotes.Validate(key);
        return (await workers.RunAsync(Quotes.WorkFor(key), requestAborted)).Value;
    }
}

// Wrong answer: stops waiting at the deadline, but the work item itself is never cancelled.
public sealed class WaitLessHandler : IQuoteHandler
{
    public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Quotes.Validate(key);
        return (await workers.RunAsync(Quotes.WorkFor(key), requestAborted).WaitAsync(deadline)).Value;
    }
}

// Wrong answer: the deadline's token is not linked to the request's, so an aborted request keeps its worker busy.
public sealed class UnlinkedDeadlineHandler : IQuoteHandler
{
    public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        Quotes.Validate(key);
        using var timer = new CancellationTokenSource(deadline);
        return (await workers.RunAsync(Quotes.WorkFor(key), timer.Token)).Value;
    }
}

// Wrong answer: never validates; a key of -1 goes to the workers.
public sealed class NoValidationHandler : IQuoteHandler
{
    public async Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        bounded.CancelAfter(deadline);
        var item = Workbook.Processes.WorkItem.CountPrimes(Math.Max(0, Quotes.BlockStart + (key * Quotes.BlockWidth)), Quotes.BlockStart + ((key + 1) * Quotes.BlockWidth));
        return (await workers.RunAsync(item, bounded.Token)).Value;
    }
}
