using System.Collections.Concurrent;

namespace Workbook.Capstone;

/// <summary>
/// The work function the 09.2 check gives an admission queue: every call waits at one gate until the
/// check opens it, and the calls are counted, including how many ran at the same time.
/// </summary>
/// <remarks>Thread-safe; called by the queue's consumers.</remarks>
internal sealed class CheckWork(params int[] failingKeys)
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<int> _calls = new();
    private int _entered;
    private int _running;
    private int _peak;

    /// <summary>Keys work was called for, in call order.</summary>
    public IReadOnlyList<int> Calls => [.. _calls];

    /// <summary>The most calls that were running at the same moment.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Calls started so far.</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>The value work returns for a key.</summary>
    public static long ValueFor(int key) => (key * 10L) + 1;

    public async Task<long> RunAsync(int key, CancellationToken cancellationToken)
    {
        _calls.Enqueue(key);
        int now = Interlocked.Increment(ref _running);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
            // Another call raised the peak meanwhile: read it again.
        }

        Interlocked.Increment(ref _entered);
        try
        {
            await _gate.Task.ConfigureAwait(false);
            if (Array.IndexOf(failingKeys, key) >= 0)
            {
                throw new InvalidOperationException($"the work for job {key} failed");
            }

            return ValueFor(key);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>Lets every call, present and future, finish.</summary>
    public void Open() => _gate.TrySetResult();

    /// <summary>Waits until at least <paramref name="count"/> calls have started.</summary>
    /// <returns>True if they did within <paramref name="within"/>.</returns>
    public bool WaitEntered(int count, TimeSpan within) => SpinWait.SpinUntil(() => Entered >= count, within);
}
