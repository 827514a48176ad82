using Workbook.Exercises;

namespace Workbook.SideBySide;

/// <summary>The exercise of appendix 10 (Python side by side).</summary>
public sealed class SideBySideExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "10-python-side-by-side";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<LruCacheFactory>(
            "10.1",
            ChapterName,
            "Port functools.lru_cache",
            [
                "Python keeps the cached keys in order of last use. A hit counts a hit, returns the stored value and moves its key to the "
                    + "most-recent end. A miss counts a miss, calls the function and stores the value; if that makes more than maxsize "
                    + "entries, the key at the least-recent end goes. maxsize 0 stores nothing at all.",
                "Two structures: a Dictionary<int, LinkedListNode<(int Key, long Value)>> to find an entry, and a LinkedList<(int Key, long Value)> "
                    + "whose First is the least recently used. Hit: list.Remove(node); list.AddLast(node). Miss with maxSize > 0: if the "
                    + "dictionary already holds maxSize entries, remove list.First's key from both; then map[key] = list.AddLast((key, value)). "
                    + "lru_cache is thread-safe, so do all of it (and the counters) under one lock.",
                "Nearly the answer: long Get(int key) { lock (_gate) { if (_map.TryGetValue(key, out var node)) { _hits++; _list.Remove(node); "
                    + "_list.AddLast(node); return node.Value.Value; } _misses++; long value = _function(key); if (_maxSize > 0) { if (_map.Count == _maxSize) "
                    + "{ _map.Remove(_list.First!.Value.Key); _list.RemoveFirst(); } _map[key] = _list.AddLast((key, value)); } return value; } } "
                    + "and Info => lock: new CacheInfo(_hits, _misses, _maxSize, _map.Count).",
            ],
            LruCacheCheck.Verify),
    ];
}
