// Exercise 10.1: Port functools.lru_cache
using System;
using System.Collections.Generic;
using System.Threading;
using Workbook.SideBySide;

// Reference solution: a dictionary finds entries, a linked list keeps them in order of last use
// (First = least recently used), and one lock makes it safe from many threads, as lru_cache is.
public sealed class PortedLruCache : ILruCache
{
    private readonly Func<int, long> _function;
    private readonly int _maxSize;
    private readonly Dictionary<int, LinkedListNode<(int Key, long Value)>> _map = new();
    private readonly LinkedList<(int Key, long Value)> _byLastUse = new();
    private readonly Lock _gate = new();
    private long _hits;
    private long _misses;

    public PortedLruCache(Func<int, long> function, int maxSize)
    {
        _function = function;
        _maxSize = maxSize;
    }

    public CacheInfo Info
    {
        get { lock (_gate) { return new CacheInfo(_hits, _misses, _maxSize, _map.Count); } }
    }

    public long Get(int key)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _hits++;
                _byLastUse.Remove(node);   // a hit makes the key the most recently used
                _byLastUse.AddLast(node);
                return node.Value.Value;
            }

            _misses++;
            long value = _function(key);
            if (_maxSize > 0)
            {
                if (_map.Count == _maxSize)
                {
                    _map.Remove(_byLastUse.First!.Value.Key);   // evict the least recently used
                    _byLastUse.RemoveFirst();
                }

                _map[key] = _byLastUse.AddLast((key, value));
            }

            return value;
        }
    }
}
