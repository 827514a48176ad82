namespace Workbook.Async;

/// <summary>Asks several replicas the same question and takes the first good answer (exercise 03.2).</summary>
/// <remarks>
/// The rules a correct implementation follows: start every replica at once, each with a token
/// that is cancelled as soon as the race is decided; the first replica to <em>succeed</em> wins; a
/// replica that fails does not decide the race; when every replica fails, throw (the replicas'
/// exceptions, not a made-up value); when no replica succeeds within the timeout, throw
/// <see cref="TimeoutException"/>; when the caller cancels, throw <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IReplicaRace
{
    /// <summary>Starts every replica and returns the first successful answer.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="replicas">Each starts one replica's request, observing the token it is given.</param>
    /// <param name="timeout">How long to wait for a successful answer.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The first successful replica's answer.</returns>
    Task<T> FirstOrTimeoutAsync<T>(
        IReadOnlyList<Func<CancellationToken, Task<T>>> replicas,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
