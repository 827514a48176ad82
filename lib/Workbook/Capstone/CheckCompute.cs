using System.Collections.Concurrent;

namespace Workbook.Capstone;

/// <summary>
/// The compute function the 09.3 check gives a cache: it counts calls per key and, per key, answers
/// at once, holds the answer until released, fails, or waits briefly for a second concurrent call
/// (which only a cache without single flight makes).
/// </summary>
/// <remarks>Thread-safe; called from many check threads at once.</remarks>
internal sealed class CheckCompute
{
    private readonly ConcurrentDictionary<int, int> _calls = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _held = new();
    private readonly ConcurrentDictionary<int, Func<int, Task<long>>> _special = new();

    /// <summary>The value the check expects for a key.</summary>
    public static long ValueFor(int key) => (key * 3L) + 7;

    /// <summary>How many times compute ran for <paramref name="key"/>.</summary>
    public int CallsFor(int key) => _calls.TryGetValue(key, out int n) ? n : 0;

    /// <summary>Every key's call count.</summary>
    public IReadOnlyDictionary<int, int> Calls => new Dictionary<int, int>(_calls);

    public Task<long> ComputeAsync(int key)
    {
        _calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (_special.TryGetValue(key, out Func<int, Task<long>>? special))
        {
            return special(key);
        }

        return _held.TryGetValue(key, out TaskCompletionSource<long>? gate) ? gate.Task : Task.FromResult(ValueFor(key));
    }

    /// <summary>From now on, compute for <paramref name="key"/> returns a task that completes when <see cref="Release"/> is called.</summary>
    public void Hold(int key) => _held[key] = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the held computation of <paramref name="key"/> with its value.</summary>
    public void Release(int key)
    {
        if (_held.TryRemove(key, out TaskCompletionSource<long>? gate))
        {
            gate.TrySetResult(ValueFor(key));
        }
    }

    /// <summary>From now on, compute for <paramref name="key"/> does what <paramref name="behaviour"/> does.</summary>
    public void Set(int key, Func<int, Task<long>> behaviour) => _special[key] = behaviour;

    /// <summary>Back to answering <paramref name="key"/> at once.</summary>
    public void Reset(int key)
    {
        _special.TryRemove(key, out _);
        Release(key);
    }
}
