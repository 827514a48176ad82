namespace Workbook.NetworkingExercises;

/// <summary>Exercise 05.1: fetches many URLs with a bounded number of requests in flight.</summary>
/// <remarks>
/// The checker calls <see cref="GetAllAsync"/> from one thread at a time; the implementation runs
/// its requests concurrently. Cancelling <c>ct</c> should stop waiting and end the call.
/// </remarks>
public interface IBoundedFetcher
{
    /// <summary>GETs every URL, at most <paramref name="maxInFlight"/> at once, and returns the status codes in input order.</summary>
    /// <param name="client">The client to send every request with.</param>
    /// <param name="urls">The URLs to fetch.</param>
    /// <param name="maxInFlight">The most requests allowed in flight at the same moment, 1 or more.</param>
    /// <param name="ct">Cancels the whole batch.</param>
    /// <returns>One status code per URL, in the order of <paramref name="urls"/>; 0 where the request failed without a response.</returns>
    Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct);
}
