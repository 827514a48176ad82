namespace Workbook.SideBySide;

/// <summary>
/// The workbook's port of <c>functools.lru_cache(maxsize=n)</c> for functions of an <see cref="int"/>:
/// same hits, misses and evictions, call for call (the side-by-side tests compare it with
/// CPython's counts). A dictionary finds entries; a linked list keeps them in order of last use.
/// </summary>
/// <remarks>
/// <para>Thread-safety: every member may be called from any thread. Lookups and updates happen
/// under one lock; the function itself runs outside it, so a slow call does not hold up callers
/// of other keys. As in CPython, two threads that miss the same key at the same moment both
/// call the function and both count a miss; the first value stored is kept.</para>
/// <para>If the function throws, the call counts as a miss, nothing is stored, and the
/// exception reaches the caller. The cache holds no resources and needs no disposal.</para>
/// </remarks>
public sealed class LruCache : ILruCache
{
    private readonly Func<int, long> _function;
    private readonly int _maxSize;
    private readonly Dictionary<int, LinkedListNode<(int Key, long Value)>> _entries = [];
    private readonly LinkedList<(int Key, long Value)> _byLastUse = new(); // first = least recently used
    private readonly Lock _gate = new();
    private long _hits;
    private long _misses;

    /// <summary>Wraps <paramref name="function"/> in a cache of at most <paramref name="maxSize"/> entries.</summary>
    /// <param name="function">A pure function: the same key always gives the same value.</param>
    /// <param name="maxSize">The most entries to keep (0 keeps none, like <c>maxsize=0</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSize"/> is negative.</exception>
    public LruCache(Func<int, long> function, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        _function = function;
        _maxSize = maxSize;
    }

    /// <inheritdoc />
    public CacheInfo Info
    {
        get
        {
            lock (_gate)
            {
                return new CacheInfo(_hits, _misses, _maxSize, _entries.Count);
            }
        }
    }

    /// <inheritdoc />
    public long Get(int key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out LinkedListNode<(int Key, long Value)>? node))
            {
                _hits++;

                // A hit refreshes the key: this is what makes it least-RECENTLY-used, not first-in-first-out.
                _byLastUse.Remove(node);
                _byLastUse.AddLast(node);
                return node.Value.Value;
            }

            _misses++;
        }

        long value = _function(key);
        lock (_gate)
        {
            // Another thread may have stored this key while the function ran: keep its entry.
            if (_maxSize > 0 && !_entries.ContainsKey(key))
            {
                if (_entries.Count == _maxSize)
                {
                    _entries.Remove(_byLastUse.First!.Value.Key);
                    _byLastUse.RemoveFirst();
                }

                _entries[key] = _byLastUse.AddLast((key, value));
            }
        }

        return value;
    }

    /// <summary>The statistics, e.g. <c>CacheInfo(hits=3, misses=5, maxsize=4, currsize=4)</c>.</summary>
    public override string ToString() => Info.ToString();
}
