namespace Workbook.SideBySide;

/// <summary>
/// Makes an <see cref="ILruCache"/> around <paramref name="function"/> keeping at most
/// <paramref name="maxSize"/> entries: what <c>functools.lru_cache(maxsize=maxSize)(function)</c> does.
/// Exercise 10.1's check calls it to build caches of several sizes.
/// </summary>
/// <param name="function">The function to cache (pure: same key, same value).</param>
/// <param name="maxSize">The most entries to keep; 0 keeps none.</param>
/// <returns>The cache.</returns>
public delegate ILruCache LruCacheFactory(Func<int, long> function, int maxSize);
