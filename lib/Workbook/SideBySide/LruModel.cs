namespace Workbook.SideBySide;

/// <summary>
/// A tiny simulation of a key cache with a chosen eviction rule, used by exercise 10.1's check to
/// recognise the usual porting mistakes: from a learner's hit/miss pattern it tells "first in,
/// first out" from "one entry short" from the real least-recently-used rule.
/// </summary>
/// <param name="Name">What the rule is, for messages.</param>
/// <param name="Capacity">How many keys the cache keeps.</param>
/// <param name="RefreshOnHit">Whether a hit makes the key the most recently used.</param>
/// <param name="EvictOldest">Evict the least recently used (or oldest) key; false evicts the newest.</param>
internal sealed record LruModel(string Name, int Capacity, bool RefreshOnHit, bool EvictOldest)
{
    /// <summary>The rule <c>functools.lru_cache(maxsize)</c> follows.</summary>
    public static LruModel Python(int maxSize) => new("least recently used", maxSize, RefreshOnHit: true, EvictOldest: true);

    /// <summary>The mistakes the check recognises, each with the explanation it gives.</summary>
    public static IReadOnlyList<(LruModel Model, string Explanation)> Mistakes(int maxSize) =>
    [
        (new("first in, first out", maxSize, RefreshOnHit: false, EvictOldest: true),
            "your cache evicts keys in the order they were first stored (first in, first out). In lru_cache a hit also makes "
            + "its key the most recently used, so a key that keeps being used is never the one evicted."),
        (new("one short", Math.Max(0, maxSize - 1), RefreshOnHit: true, EvictOldest: true),
            $"your cache behaves as if it held {Math.Max(0, maxSize - 1)} entries, one fewer than maxsize={maxSize}: evict only when "
            + "storing a new key would make MORE than maxsize entries."),
        (new("one over", maxSize + 1, RefreshOnHit: true, EvictOldest: true),
            $"your cache behaves as if it held {maxSize + 1} entries, one more than maxsize={maxSize}: evict as soon as it would exceed maxsize."),
        (new("evicts the newest", maxSize, RefreshOnHit: true, EvictOldest: false),
            "your cache evicts the most recently used key; lru_cache evicts the LEAST recently used one (the front of the order, not the back)."),
        (new("never evicts", int.MaxValue, RefreshOnHit: true, EvictOldest: true),
            $"your cache never evicts anything; with maxsize={maxSize} it must drop the least recently used key when it is full."),
    ];

    /// <summary>For each call of <paramref name="keys"/>, whether this rule makes it a hit.</summary>
    public bool[] Hits(IReadOnlyList<int> keys) => Simulate(keys, keys.Count).Hits;

    /// <summary>The keys held after the first <paramref name="calls"/> calls, least recently used first.</summary>
    public IReadOnlyList<int> HeldAfter(IReadOnlyList<int> keys, int calls) => Simulate(keys, calls).Held;

    private (bool[] Hits, List<int> Held) Simulate(IReadOnlyList<int> keys, int calls)
    {
        var order = new List<int>(); // front = oldest / least recently used
        var hits = new bool[calls];
        for (int i = 0; i < calls; i++)
        {
            int key = keys[i];
            int at = order.IndexOf(key);
            if (at >= 0)
            {
                hits[i] = true;
                if (RefreshOnHit)
                {
                    order.RemoveAt(at);
                    order.Add(key);
                }

                continue;
            }

            if (Capacity == 0)
            {
                continue;
            }

            if (order.Count == Capacity)
            {
                order.RemoveAt(EvictOldest ? 0 : order.Count - 1);
            }

            order.Add(key);
        }

        return (hits, order);
    }
}
