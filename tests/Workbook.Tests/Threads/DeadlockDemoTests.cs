using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class DeadlockDemoTests
{
    private static readonly TimeSpan s_giveUp = TimeSpan.FromMilliseconds(300);

    private static async Task<DeadlockReport> RunBounded(LockOrder order) =>
        await Task.Run(() => DeadlockDemo.Run(order, s_giveUp)).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Run_OppositeOrder_DetectsTheDeadlockAndReturns()
    {
        DeadlockReport report = await RunBounded(LockOrder.Opposite);

        Assert.True(report.DeadlockDetected);
        Assert.InRange(report.ThreadsThatGaveUp, 1, 2);
        Assert.Equal(2, report.ThreadsThatGaveUp + report.ThreadsThatFinished);
        Assert.Contains(report.Timeline, line => line.Contains("DEADLOCK", StringComparison.Ordinal));
        Assert.StartsWith("Opposite lock order: DEADLOCK detected", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConsistentOrder_BothThreadsFinishWithoutDeadlock()
    {
        DeadlockReport report = await RunBounded(LockOrder.Consistent);

        Assert.False(report.DeadlockDetected);
        Assert.Equal(0, report.ThreadsThatGaveUp);
        Assert.Equal(2, report.ThreadsThatFinished);
        Assert.Equal(2, report.Timeline.Count(line => line.Contains("work done", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_OppositeOrder_BothThreadsHeldTheirFirstLockBeforeEitherWantedItsSecond()
    {
        DeadlockReport report = await RunBounded(LockOrder.Opposite);

        int lastHoldsFirst = Math.Max(
            IndexOf(report, "thread A: holds lock 1"),
            IndexOf(report, "thread B: holds lock 2"));
        int firstWantsSecond = Math.Min(
            IndexOf(report, "thread A: wants lock 2"),
            IndexOf(report, "thread B: wants lock 1"));
        Assert.True(lastHoldsFirst < firstWantsSecond, string.Join('\n', report.Timeline));
    }

    [Fact]
    public void Run_NonPositiveGiveUp_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlockDemo.Run(LockOrder.Opposite, TimeSpan.Zero));

    private static int IndexOf(DeadlockReport report, string text)
    {
        for (int i = 0; i < report.Timeline.Count; i++)
        {
            if (report.Timeline[i].Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{text}' not in the timeline:\n{string.Join('\n', report.Timeline)}");
    }
}
