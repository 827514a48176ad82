namespace Workbook.SideBySide;

/// <summary>
/// A function of an <see cref="int"/> wrapped in a least-recently-used cache: the C# port of
/// <c>functools.lru_cache(maxsize=n)(function)</c> (exercise 10.1).
/// </summary>
/// <remarks>
/// Semantics to match Python's: a call whose key is cached is a hit, returns the stored value
/// without calling the function and makes the key the most recently used. Any other call is a
/// miss: it calls the function and stores the value; if that makes more than <c>maxsize</c>
/// entries, the least recently used one is dropped. With <c>maxsize</c> 0 nothing is stored.
/// Like <c>lru_cache</c>, implementations must be safe to call from many threads at once.
/// </remarks>
public interface ILruCache
{
    /// <summary>The function's value for <paramref name="key"/>, from the cache when it is there.</summary>
    /// <param name="key">The argument.</param>
    /// <returns>The value.</returns>
    long Get(int key);

    /// <summary>Hits, misses, the size limit and the current size, like <c>cache_info()</c>.</summary>
    CacheInfo Info { get; }
}
