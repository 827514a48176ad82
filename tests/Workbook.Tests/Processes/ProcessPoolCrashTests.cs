using System.Diagnostics;
using Workbook.Processes;

namespace Workbook.Tests.Processes;

/// <summary>Crash isolation. Each test owns its pool: crashed workers must not leak into other tests.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class ProcessPoolCrashTests
{
    [Fact]
    public async Task RunAsync_CrashAmongNormalItems_NormalItemsSucceedCrashFailsAfterRetryPoolRecovers()
    {
        await using ProcessPool pool = await ProcessPool.StartAsync(2).Within();
        int[] firstPids = [.. pool.Workers.Select(w => w.ProcessId!.Value)];
        List<WorkItem> items = [.. WorkItem.CountPrimesInChunks(0, 200_000, 12)];
        items.Insert(5, WorkItem.Crash());

        Task<WorkResult>[] tasks = [.. items.Select(item => pool.RunAsync(item))];
        await Task.WhenAll(tasks).ContinueWith(_ => { }, TaskScheduler.Default).Within();

        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Operation == WorkOperation.Crash)
            {
                continue;
            }

            Assert.Equal(Primes.Count(items[i].Argument, items[i].Argument2), (await tasks[i].Within()).Value);
        }

        var crash = await tasks[5].FailsWith<WorkerCrashedException>();
        Assert.Equal("crash", crash.ItemLabel);
        Assert.Equal(2, crash.Attempts);
        Assert.NotEqual(0, crash.ExitCode);

        // Two different processes died running it, and each was replaced.
        ActivitySpan[] crashed = [.. pool.Timeline.Where(s => s.Outcome == ActivityOutcome.Crashed)];
        Assert.Equal(2, crashed.Length);
        Assert.All(crashed, s => Assert.Equal("crash", s.Label));
        Assert.NotEqual(crashed[0].ProcessId, crashed[1].ProcessId);

        await pool.WaitUntilReadyAsync().Within();
        Assert.Equal(2, pool.Restarts);
        Assert.Equal(2, pool.LiveWorkerCount);
        Assert.DoesNotContain(pool.Workers, w => firstPids.Contains(w.ProcessId!.Value));
        WorkResult after = await pool.RunAsync(WorkItem.Echo("still serving")).Within();
        Assert.Equal("still serving", after.Text);
    }

    [Fact]
    public async Task RunAsync_CrashWithNoRetries_FailsAfterOneAttempt()
    {
        await using ProcessPool pool = await ProcessPool.StartAsync(1, new ProcessPoolOptions { MaxRetries = 0 }).Within();

        var crash = await pool.RunAsync(WorkItem.Crash()).FailsWith<WorkerCrashedException>();

        Assert.Equal(1, crash.Attempts);
        await pool.WaitUntilReadyAsync().Within();
        Assert.Equal(1, pool.Restarts);
        Assert.Equal(1, pool.LiveWorkerCount);
    }

    [Fact]
    public async Task RunAsync_WorkerKilledMidItem_ItemRetriedOnAnotherWorkerNothingLost()
    {
        await using ProcessPool pool = await ProcessPool.StartAsync(2).Within();
        string label = "victim " + Guid.NewGuid();
        var victimRunning = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.LogReceived += log =>
        {
            if (log.Label == label)
            {
                victimRunning.TrySetResult(log.ProcessId);
            }
        };

        Task<WorkResult> victim = pool.RunAsync(WorkItem.Sleep(1_500) with { Label = label });
        Task<IReadOnlyList<WorkResult>> others = pool.RunAllAsync(WorkItem.CountPrimesInChunks(0, 100_000, 20));
        int victimPid = await victimRunning.Task.Within();

        // The pid op agrees with the log about which processes belong to the pool.
        Assert.Contains(victimPid, pool.Workers.Select(w => w.ProcessId ?? -1));
        using (Process process = Process.GetProcessById(victimPid))
        {
            process.Kill();
        }

        WorkResult retried = await victim.Within();
        Assert.Equal(1_500, retried.Value);
        Assert.NotEqual(victimPid, retried.ProcessId);
        IReadOnlyList<WorkResult> rest = await others.Within();
        Assert.Equal(Primes.Count(0, 100_000), rest.Sum(r => r.Value));
        Assert.Contains(pool.Timeline, s => s.Label == label && s.Outcome == ActivityOutcome.Crashed && s.ProcessId == victimPid);
        Assert.Contains(pool.Timeline, s => s.Label == label && s.Outcome == ActivityOutcome.Completed);
    }

    [Fact]
    public async Task RunAllAsync_WorkersKilledWhileIdle_ReplacedAndItemsStillComplete()
    {
        await using ProcessPool pool = await ProcessPool.StartAsync(2).Within();
        int[] pids = [.. (await pool.RunAllAsync([WorkItem.Pid(), WorkItem.Pid()]).Within()).Select(r => (int)r.Value)];
        int[] idle = [.. pool.Workers.Select(w => w.ProcessId!.Value)];
        Assert.Subset(idle.ToHashSet(), pids.ToHashSet());

        foreach (int pid in idle)
        {
            using Process process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync().Within();
        }

        IReadOnlyList<WorkResult> results = await pool.RunAllAsync(WorkItem.CountPrimesInChunks(0, 50_000, 10)).Within();

        Assert.Equal(Primes.Count(0, 50_000), results.Sum(r => r.Value));
        Assert.DoesNotContain(results, r => idle.Contains(r.ProcessId));
        await pool.WaitUntilReadyAsync().Within();
        Assert.Equal(2, pool.LiveWorkerCount);
        Assert.Equal(2, pool.Restarts);
        Assert.DoesNotContain(pool.Timeline, s => s.Outcome == ActivityOutcome.Crashed);
    }
}
