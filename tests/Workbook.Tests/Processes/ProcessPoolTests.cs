using System.Collections.Concurrent;
using Workbook.Processes;

namespace Workbook.Tests.Processes;

[Collection(ProcessesCollection.Name)]
public sealed class ProcessPoolTests(PoolFixture fixture) : IClassFixture<PoolFixture>
{
    private ProcessPool Pool => fixture.Pool;

    [Fact]
    public async Task RunAllAsync_EveryOperation_RoundTrips()
    {
        WorkItem[] items =
        [
            WorkItem.CountPrimes(0, 50_000), WorkItem.Spin(100_000), WorkItem.Sleep(10),
            WorkItem.Echo("round trip"), WorkItem.Pid(),
        ];

        IReadOnlyList<WorkResult> results = await Pool.RunAllAsync(items).Within();

        Assert.Equal(Primes.Count(0, 50_000), results[0].Value);
        Assert.Equal(CpuWork.Spin(100_000), results[1].Value);
        Assert.Equal(10, results[2].Value);
        Assert.Equal("round trip", results[3].Text);
        Assert.Contains((int)results[4].Value, Pool.Workers.Select(w => w.ProcessId ?? -1));
        Assert.Equal(items.Select(i => i.Operation), results.Select(r => r.Operation));
    }

    [Fact]
    public async Task RunAsync_ManyCallersAtOnce_AllResultsCorrect()
    {
        Task<WorkResult>[] calls = [.. Enumerable.Range(0, 40).Select(i => Task.Run(() => Pool.RunAsync(WorkItem.Spin(i * 1_000))))];
        WorkResult[] results = await Task.WhenAll(calls).Within();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => CpuWork.Spin(i * 1_000)), results.Select(r => r.Value));
    }

    [Fact]
    public async Task Timeline_AfterRun_OneSpanPerItemAndNoOverlapPerWorker()
    {
        Pool.ClearTimeline();
        IReadOnlyList<WorkItem> items = WorkItem.CountPrimesInChunks(0, 300_000, 30);

        await Pool.RunAllAsync(items).Within();

        IReadOnlyList<ActivitySpan> timeline = Pool.Timeline;
        Assert.Equal(items.Select(i => i.Label).Order(), timeline.Select(s => s.Label).Order());
        Assert.All(timeline, span =>
        {
            Assert.InRange(span.Worker, 0, Pool.WorkerCount - 1);
            Assert.True(span.End >= span.Start);
            Assert.Equal(ActivityOutcome.Completed, span.Outcome);
        });
        foreach (IGrouping<int, ActivitySpan> worker in timeline.GroupBy(s => s.Worker))
        {
            ActivitySpan[] ordered = [.. worker.OrderBy(s => s.Start)];
            for (int i = 1; i < ordered.Length; i++)
            {
                Assert.True(ordered[i].Start >= ordered[i - 1].End, $"{ordered[i]} overlaps {ordered[i - 1]}");
            }
        }
    }

    [Fact]
    public async Task RunAsync_Throw_FailsWithoutRestartingAnyWorker()
    {
        int restartsBefore = Pool.Restarts;

        var error = await Pool.RunAsync(WorkItem.Throw("bad input")).FailsWith<WorkItemFailedException>();

        Assert.Equal("bad input", error.RemoteMessage);
        Assert.Equal(restartsBefore, Pool.Restarts);
        Assert.Equal(Pool.WorkerCount, Pool.LiveWorkerCount);
    }

    [Fact]
    public async Task RunAsync_CancelRunningItem_CallerCancelledAndPoolKeepsServing()
    {
        string label = "pool-cancel " + Guid.NewGuid();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLog(WorkerLog log)
        {
            if (log.Label == label)
            {
                started.TrySetResult();
            }
        }

        Pool.LogReceived += OnLog;
        try
        {
            using var cancel = new CancellationTokenSource();
            Task<WorkResult> call = Pool.RunAsync(WorkItem.Sleep(60_000) with { Label = label }, cancel.Token);
            await started.Task.Within();

            cancel.Cancel();
            await call.FailsWith<OperationCanceledException>();

            // Both workers must be free again: two 60-second items would not fit in the timeout.
            IReadOnlyList<WorkResult> after = await Pool.RunAllAsync([WorkItem.Echo("a"), WorkItem.Echo("b")]).Within();
            Assert.Equal(["a", "b"], after.Select(r => r.Text));
        }
        finally
        {
            Pool.LogReceived -= OnLog;
        }
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelledToken_ReturnsCancelledTask()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Pool.RunAsync(WorkItem.Pid(), cancelled.Token).FailsWith<OperationCanceledException>();
    }

    [Fact]
    public async Task LogReceived_PoolItems_ForwardsLogsOfEveryWorker()
    {
        IReadOnlyList<WorkItem> items = WorkItem.CountPrimesInChunks(0, 40_000, 8);
        Dictionary<string, TaskCompletionSource<int>> loggedBy = items.ToDictionary(
            item => item.Label, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        void OnLog(WorkerLog log)
        {
            if (log.Label is not null && loggedBy.TryGetValue(log.Label, out TaskCompletionSource<int>? gate))
            {
                gate.TrySetResult(log.ProcessId);
            }
        }

        Pool.LogReceived += OnLog;
        try
        {
            IReadOnlyList<WorkResult> results = await Pool.RunAllAsync(items).Within();

            // Logs travel on their own channel and may land just after the result: await each, bounded.
            foreach (WorkResult result in results)
            {
                Assert.Equal(result.ProcessId, await loggedBy[result.Label].Task.Within());
            }
        }
        finally
        {
            Pool.LogReceived -= OnLog;
        }
    }

    [Fact]
    public void BadArguments_ThrowClearExceptions()
    {
        Assert.Equal("item", Bounded.ThrowsBeforeReturning<ArgumentNullException>(() => Pool.RunAsync(null!)).ParamName);
        Assert.Equal("items", Bounded.ThrowsBeforeReturning<ArgumentNullException>(() => Pool.RunAllAsync(null!)).ParamName);
        var nullElement = Bounded.ThrowsBeforeReturning<ArgumentException>(() => Pool.RunAllAsync([WorkItem.Pid(), null!]));
        Assert.Equal("items", nullElement.ParamName);
        Assert.Contains("index 1", nullElement.Message);
    }
}
