using System.Diagnostics;

namespace Workbook.Threads;

/// <summary>
/// Lines up threads that each take two locks so that every one of them holds its first lock
/// before any tries its second: the moment a lock-ordering bug turns into a deadlock.
/// </summary>
/// <remarks>
/// <para>
/// Protocol per participant thread: <see cref="Join"/>, then <see cref="AboutToLock"/> just before
/// taking the first lock, then <see cref="HoldingFirst"/> once it is held (this waits), then
/// <see cref="Leave"/>. <see cref="HoldingFirst"/> returns when every other participant either
/// holds its first lock too, has left, or is blocked trying to take its first lock (it
/// announced and its thread is in WaitSleepJoin): with consistently ordered locks the partner
/// blocks on the lock we hold, and waiting for it would only waste time.
/// </para>
/// <para>
/// Thread-safe. The wait is bounded by the patience given to the constructor and by the
/// cancellation token, so a participant that never shows up costs at most that long.
/// </para>
/// </remarks>
internal sealed class HoldAndWaitRendezvous
{
    private const int Joined = 1, Announced = 2, Holding = 3, Left = 4;

    private readonly Thread?[] _threads;
    private readonly int[] _states;
    private readonly TimeSpan _patience;

    public HoldAndWaitRendezvous(int participants, TimeSpan patience)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, 2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(patience, TimeSpan.Zero);
        _threads = new Thread?[participants];
        _states = new int[participants];
        _patience = patience;
    }

    public void Join(int slot)
    {
        Volatile.Write(ref _threads[slot], Thread.CurrentThread);
        Volatile.Write(ref _states[slot], Joined);
    }

    public void AboutToLock(int slot) => Volatile.Write(ref _states[slot], Announced);

    public void HoldingFirst(int slot, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _states[slot], Holding);
        var clock = Stopwatch.StartNew();
        var spinner = default(SpinWait);
        while (!AllOthersReady(slot) && clock.Elapsed < _patience && !cancellationToken.IsCancellationRequested)
        {
            spinner.SpinOnce(sleep1Threshold: 20);
        }
    }

    public void Leave(int slot) => Volatile.Write(ref _states[slot], Left);

    private bool AllOthersReady(int self)
    {
        for (int other = 0; other < _states.Length; other++)
        {
            if (other == self)
            {
                continue;
            }

            int state = Volatile.Read(ref _states[other]);
            if (state >= Holding)
            {
                continue;
            }

            // Announced but not holding, and blocked: it is waiting for a lock (ours, with ordered locks).
            Thread? thread = Volatile.Read(ref _threads[other]);
            bool blocked = state == Announced && thread is not null
                && (thread.ThreadState & System.Threading.ThreadState.WaitSleepJoin) != 0;
            if (!blocked)
            {
                return false;
            }
        }

        return true;
    }
}
