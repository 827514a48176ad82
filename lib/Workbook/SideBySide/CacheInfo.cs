namespace Workbook.SideBySide;

/// <summary>The statistics of an LRU cache, as Python's <c>cache_info()</c> reports them.</summary>
/// <param name="Hits">Calls answered from the cache.</param>
/// <param name="Misses">Calls that had to run the function.</param>
/// <param name="MaxSize">The most entries the cache keeps.</param>
/// <param name="CurrentSize">The entries it holds now.</param>
public sealed record CacheInfo(long Hits, long Misses, int MaxSize, int CurrentSize)
{
    /// <summary>Python's spelling, e.g. <c>CacheInfo(hits=7306, misses=2694, maxsize=128, currsize=128)</c>.</summary>
    public override string ToString() => $"CacheInfo(hits={Hits}, misses={Misses}, maxsize={MaxSize}, currsize={CurrentSize})";
}
