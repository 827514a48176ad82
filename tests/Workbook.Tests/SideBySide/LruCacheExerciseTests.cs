using Workbook.Exercises;
using Workbook.SideBySide;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.SideBySide;

public sealed class LruCacheExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check<LruCacheFactory>("10.1", () => (function, maxSize) => new StubCache()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check<LruCacheFactory>("10.1", () => (function, maxSize) => new PortedLruCache(function, maxSize));

        Assert.True(result.Outcome == CheckOutcome.Passed, result.Message);
    }

    [Theory]
    [InlineData(Mistake.FirstInFirstOut, "first in, first out")]
    [InlineData(Mistake.OneShort, "one fewer than maxsize=3")]
    [InlineData(Mistake.EvictsNewest, "evicts the most recently used key")]
    [InlineData(Mistake.ZeroMeansUnlimited, "maxsize 0 means 'no cache', not 'no limit'")]
    [InlineData(Mistake.CallsFunctionOnHit, "must not call it again")]
    [InlineData(Mistake.ReturnsTheKey, "it must return the function's value for 5")]
    [InlineData(Mistake.HitCountedAsMiss, "after Get(5) twice Python reports CacheInfo(hits=1, misses=1")]
    [InlineData(Mistake.NoLock, "threads")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Mistake mistake, string expected)
    {
        CheckResult result = _harness.Check<LruCacheFactory>("10.1", () => (function, maxSize) => new FlawedCache(function, maxSize, mistake));

        Assert.True(result.Outcome == CheckOutcome.Failed, $"{result.Outcome}: {result.Message}");
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    public enum Mistake
    {
        FirstInFirstOut,
        OneShort,
        EvictsNewest,
        ZeroMeansUnlimited,
        CallsFunctionOnHit,
        ReturnsTheKey,
        HitCountedAsMiss,
        NoLock,
    }

    // The notebook's stub cell.
    private sealed class StubCache : ILruCache
    {
        public CacheInfo Info => throw new NotImplementedException();

        public long Get(int key) => throw new NotImplementedException();
    }

    // The reference solution with one typical porting mistake switched on.
    private sealed class FlawedCache(Func<int, long> function, int maxSize, Mistake mistake) : ILruCache
    {
        private readonly Dictionary<int, LinkedListNode<(int Key, long Value)>> _map = [];
        private readonly LinkedList<(int Key, long Value)> _order = new();
        private readonly object _gate = new();
        private long _hits;
        private long _misses;

        public CacheInfo Info
        {
            get
            {
                lock (_gate)
                {
                    return new CacheInfo(_hits, _misses, maxSize, _map.Count);
                }
            }
        }

        public long Get(int key)
        {
            if (mistake == Mistake.NoLock)
            {
                return GetUnlocked(key);
            }

            lock (_gate)
            {
                return GetUnlocked(key);
            }
        }

        private long GetUnlocked(int key)
        {
            if (_map.TryGetValue(key, out var node))
            {
                switch (mistake)
                {
                    case Mistake.HitCountedAsMiss:
                        _hits++;
                        _misses++;
                        break;
                    case Mistake.CallsFunctionOnHit:
                        _hits++;
                        function(key);
                        break;
                    default:
                        _hits++;
                        break;
                }

                if (mistake != Mistake.FirstInFirstOut)
                {
                    _order.Remove(node);
                    _order.AddLast(node);
                }

                return Answer(key, node.Value.Value);
            }

            _misses++;
            long value = function(key);
            int limit = mistake == Mistake.OneShort ? maxSize - 1 : maxSize;
            bool store = maxSize > 0 || mistake == Mistake.ZeroMeansUnlimited;
            if (store)
            {
                if (maxSize > 0 && _map.Count >= limit && _order.Count > 0)
                {
                    var victim = mistake == Mistake.EvictsNewest ? _order.Last! : _order.First!;
                    _map.Remove(victim.Value.Key);
                    _order.Remove(victim);
                }

                _map[key] = _order.AddLast((key, value));
            }

            return Answer(key, value);
        }

        private long Answer(int key, long value) => mistake == Mistake.ReturnsTheKey ? key : value;
    }
}
