namespace Workbook.Capstone;

/// <summary>
/// Checkpoint 09.2: admission control. A bounded queue in front of the CPU work, drained by a fixed
/// number of consumers: when it is full, a request is turned away at once (the front end answers
/// 503) instead of joining an ever longer line.
/// </summary>
/// <remarks>
/// The contract: <see cref="Start"/> is called once, before anything is enqueued. At most
/// <c>capacity</c> jobs wait in the queue (jobs a consumer has taken do not count), and
/// <see cref="TryEnqueue"/> returns null, without waiting, when it is full. Exactly <c>consumers</c>
/// loops take jobs in order and run <c>work</c>, so at most that many run at once. Every accepted job
/// ends exactly once: with work's result, with its exception, or cancelled when its token was
/// cancelled before a consumer reached it (then work is not called at all). After
/// <see cref="IAsyncDisposable.DisposeAsync"/> no accepted job is left unfinished.
/// <see cref="TryEnqueue"/> is called from many requests at once.
/// </remarks>
public interface IAdmissionQueue : IAsyncDisposable
{
    /// <summary>Creates the queue and starts the consumers.</summary>
    /// <param name="capacity">How many jobs may wait, 1 or more.</param>
    /// <param name="consumers">How many consumers run jobs, 1 or more.</param>
    /// <param name="work">Computes a job's result from its key and token.</param>
    void Start(int capacity, int consumers, Func<int, CancellationToken, Task<long>> work);

    /// <summary>Queues a job for <paramref name="key"/>, or refuses it at once when the queue is full.</summary>
    /// <param name="key">The job's key, passed to work.</param>
    /// <param name="cancellationToken">The request's token: if it is cancelled while the job waits, skip the job.</param>
    /// <returns>The job's eventual result, or null when the queue is full.</returns>
    Task<long>? TryEnqueue(int key, CancellationToken cancellationToken);
}
