namespace Workbook.Async;

/// <summary>Downloads many URLs with a limit on how many are in flight at once (exercise 03.1).</summary>
/// <remarks>
/// A correct implementation keeps up to <c>limit</c> fetches in flight (never more, and no fewer
/// while URLs are waiting), returns the bodies in the order of <c>urls</c>, lets a fetch's exception
/// reach the caller without stalling the other fetches, and stops when the token is cancelled.
/// </remarks>
public interface IThrottledFetcher
{
    /// <summary>Fetches every URL, at most <paramref name="limit"/> at a time.</summary>
    /// <param name="urls">The URLs to fetch.</param>
    /// <param name="limit">The most fetches in flight at once (at least 1).</param>
    /// <param name="fetch">Fetches one URL; pass it the cancellation token.</param>
    /// <param name="cancellationToken">Cancels the remaining fetches.</param>
    /// <returns>The bodies, <c>result[i]</c> being the body of <c>urls[i]</c>.</returns>
    Task<string[]> FetchAllAsync(
        IReadOnlyList<string> urls,
        int limit,
        Func<string, CancellationToken, Task<string>> fetch,
        CancellationToken cancellationToken);
}
