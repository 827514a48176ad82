namespace Workbook.Capstone;

/// <summary>
/// Checkpoint 09.1: the front end's handler for one quote request. It sends the CPU work to the
/// worker pool and <b>awaits</b> it, so the request thread is free while the workers compute.
/// </summary>
/// <remarks>
/// The contract: reject a key outside 0 to <see cref="Quotes.KeyCount"/> − 1 with
/// <see cref="ArgumentOutOfRangeException"/> (the front end answers 400); run
/// <see cref="Quotes.WorkFor"/> on <c>workers</c> rather than computing on the calling thread; return
/// without blocking while the work is pending; and pass on a token that is cancelled when the request
/// is aborted <b>or</b> when <c>deadline</c> has passed, so no request can occupy a worker for ever.
/// The service calls it from many requests at once.
/// </remarks>
public interface IQuoteHandler
{
    /// <summary>Answers one request: the quote of <paramref name="key"/>, computed by <paramref name="workers"/>.</summary>
    /// <param name="key">The key the client asked for.</param>
    /// <param name="workers">Where the CPU work must run.</param>
    /// <param name="deadline">The most the work may take; after it, cancel the work.</param>
    /// <param name="requestAborted">Cancelled when the client gives up.</param>
    /// <returns>The quote (the work result's <c>Value</c>).</returns>
    Task<long> HandleAsync(int key, IWorkerPool workers, TimeSpan deadline, CancellationToken requestAborted);
}
