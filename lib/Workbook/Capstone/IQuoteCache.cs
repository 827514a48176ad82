namespace Workbook.Capstone;

/// <summary>
/// Checkpoint 09.3: a single-flight cache of quotes. A key is computed at most once at a time:
/// concurrent requests for a key that is being computed share that one computation, and later
/// requests get the stored value.
/// </summary>
/// <remarks>
/// The contract: for a key with a stored value, return it without calling compute; for a key being
/// computed, return the same pending result; otherwise call compute exactly once and share it. A
/// computation that fails (or is cancelled) is not stored: every caller that shared it sees the
/// failure, and the next call computes again. A pending computation of one key never holds up
/// another key. Called from many requests at once.
/// </remarks>
public interface IQuoteCache
{
    /// <summary>Gets <paramref name="key"/>'s value from the cache, or computes it once for everyone who asks meanwhile.</summary>
    /// <param name="key">The key.</param>
    /// <param name="compute">Computes a key's value; call it only when no value is stored or in flight.</param>
    /// <returns>The value.</returns>
    Task<long> GetOrComputeAsync(int key, Func<int, Task<long>> compute);
}
