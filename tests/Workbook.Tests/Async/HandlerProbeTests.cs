using Workbook.Async;
using Workbook.Tests.Async.Fixtures;

namespace Workbook.Tests.Async;

public sealed class HandlerProbeTests
{
    [Fact]
    public void Run_BlockingHandler_DeadlocksWithOnlyOneHandlerPerThreadStarted()
    {
        HandlerProbeReport report = HandlerProbe.Run(new BlockingOrderHandler(), orders: 8, threads: 2);

        Assert.True(report.Deadlocked);
        Assert.Equal(2, report.Reserved);
        Assert.Equal(0, report.Priced);
        Assert.Equal(0, report.Finished);
        Assert.Contains("DEADLOCKED", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AsyncHandler_EveryOrderFinishesWithItsReceipt()
    {
        HandlerProbeReport report = HandlerProbe.Run(new AsyncOrderHandler(), orders: 8, threads: 2);

        Assert.False(report.Deadlocked);
        Assert.Equal(8, report.Finished);
        Assert.Equal(8, report.Priced);
        Assert.Equal(0, report.ReservedOffThread);
        Assert.Null(report.Error);
        Assert.Equal(Enumerable.Range(1, 8), report.Receipts.Select(r => r!.OrderId));
        Assert.Equal(8, report.Receipts.Select(r => r!.ReservationId).Distinct().Count());
    }

    [Fact]
    public void Run_BlockingHandlerWithAThreadPerOrder_FinishesBecauseNothingWaitsForAThread()
    {
        HandlerProbeReport report = HandlerProbe.Run(new BlockingOrderHandler(), orders: 4, threads: 4);

        Assert.False(report.Deadlocked);
        Assert.Equal(4, report.Finished);
    }

    [Fact]
    public void Run_StubHandler_ReportsItsException()
    {
        HandlerProbeReport report = HandlerProbe.Run(new OrderHandlerStub(), orders: 4, threads: 1);

        Assert.IsType<NotImplementedException>(report.Error);
        Assert.False(report.Deadlocked);
    }

    [Fact]
    public void Run_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HandlerProbe.Run(new AsyncOrderHandler(), orders: 0, threads: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => HandlerProbe.Run(new AsyncOrderHandler(), orders: 2, threads: 0));
        Assert.Throws<ArgumentNullException>(() => HandlerProbe.Run(null!));
    }

    [Fact]
    public async Task GatedInventory_ReservationCompletesOnlyWhenEveryHandlerHasAsked()
    {
        var inventory = new GatedInventory(2, () => true);

        Task<int> first = inventory.ReserveAsync("SKU-001", 1, CancellationToken.None);
        Assert.False(first.IsCompleted);
        Task<int> second = inventory.ReserveAsync("SKU-002", 1, CancellationToken.None);
        int[] ids = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([inventory.ReservationFor("SKU-001"), inventory.ReservationFor("SKU-002")], ids.Select(i => (int?)i));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task DedicatedThreadsScheduler_Tasks_RunOnlyOnItsOwnThreadsAndAfterDisposalOnThePool()
    {
        var scheduler = new DedicatedThreadsScheduler(2, "test");
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Factory.StartNew(
            () => threads[Environment.CurrentManagedThreadId] = scheduler.OwnsCurrentThread,
            CancellationToken.None, TaskCreationOptions.None, scheduler))).WaitAsync(TimeSpan.FromSeconds(30));
        scheduler.Dispose();
        bool late = await Task.Factory.StartNew(() => true, CancellationToken.None, TaskCreationOptions.None, scheduler).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(threads.Count, 1, 2);
        Assert.All(threads.Values, Assert.True);
        Assert.True(late);
    }
}
