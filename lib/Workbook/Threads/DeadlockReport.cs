using System.Globalization;

namespace Workbook.Threads;

/// <summary>What happened when two threads each tried to take two locks (<see cref="DeadlockDemo"/>).</summary>
/// <param name="Order">Whether the threads took the locks in opposite or in the same order.</param>
/// <param name="DeadlockDetected">True when a thread gave up waiting for its second lock: they were deadlocked.</param>
/// <param name="ThreadsThatGaveUp">How many of the two threads gave up (1 or 2 in a deadlock, 0 otherwise).</param>
/// <param name="ThreadsThatFinished">How many threads held both locks and did their work.</param>
/// <param name="Timeline">What each thread did, in the order it happened, with times since the start.</param>
/// <param name="Elapsed">From the start to both threads finishing.</param>
public sealed record DeadlockReport(
    LockOrder Order,
    bool DeadlockDetected,
    int ThreadsThatGaveUp,
    int ThreadsThatFinished,
    IReadOnlyList<string> Timeline,
    TimeSpan Elapsed)
{
    /// <summary>A verdict line followed by the timeline, one event per line.</summary>
    public override string ToString()
    {
        string verdict = DeadlockDetected
            ? $"{Order} lock order: DEADLOCK detected ({ThreadsThatGaveUp} thread(s) gave up waiting)"
            : $"{Order} lock order: no deadlock, {ThreadsThatFinished} of 2 threads did their work";
        string elapsed = string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalSeconds:0.000} s");
        return $"{verdict} in {elapsed}\n  " + string.Join("\n  ", Timeline);
    }
}
