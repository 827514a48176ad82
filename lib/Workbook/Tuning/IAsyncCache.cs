namespace Workbook.Tuning;

/// <summary>
/// A cache in front of a slow asynchronous source: the first request for a key fetches the value,
/// later ones reuse it (exercise 08.1, and the caches of the stampede demo).
/// </summary>
/// <remarks>
/// Implementations are called by many threads at once. The one for exercise 08.1 must call
/// <c>fetch</c> at most once per key while a fetch is in flight or has succeeded, must not make
/// a request for one key wait for another key's fetch, and must not keep a failed fetch forever.
/// </remarks>
public interface IAsyncCache
{
    /// <summary>Returns the cached value for <paramref name="key"/>, fetching it with <paramref name="fetch"/> when there is none.</summary>
    /// <param name="key">The key, e.g. <c>"product:42"</c>.</param>
    /// <param name="fetch">Fetches the value of a key from the slow source (the backend).</param>
    /// <returns>The value; a failed fetch fails the returned task with the fetch's exception.</returns>
    Task<string> GetAsync(string key, Func<string, Task<string>> fetch);
}
