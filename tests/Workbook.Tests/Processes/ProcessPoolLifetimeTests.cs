using System.Diagnostics;
using Workbook.Processes;

namespace Workbook.Tests.Processes;

/// <summary>Start-up validation, disposal, and the promise that no child process outlives the pool.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class ProcessPoolLifetimeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void StartAsync_WorkersNotPositive_Throws(int workers)
    {
        var error = Bounded.ThrowsBeforeReturning<ArgumentOutOfRangeException>(() => ProcessPool.StartAsync(workers));
        Assert.Equal("workers", error.ParamName);
        Assert.Equal("options", Bounded.ThrowsBeforeReturning<ArgumentNullException>(() => ProcessPool.StartAsync(1, null!)).ParamName);
    }

    [Fact]
    public async Task StartAsync_CancelledToken_ThrowsAndLeavesNoChild()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await ProcessPool.StartAsync(2, cancelled.Token).FailsWith<OperationCanceledException>();

        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public async Task DisposeAsync_AfterCrashesAndKills_NoChildProcessLeft()
    {
        ProcessPool pool = await ProcessPool.StartAsync(2).Within();
        await pool.RunAsync(WorkItem.Crash()).FailsWith<WorkerCrashedException>();
        int someone = (int)(await pool.RunAsync(WorkItem.Pid()).Within()).Value;
        using (Process process = Process.GetProcessById(someone))
        {
            process.Kill();
        }

        await pool.RunAllAsync(WorkItem.CountPrimesInChunks(0, 10_000, 6)).Within();
        await pool.WaitUntilReadyAsync().Within();
        IReadOnlyCollection<int> everStarted = pool.ProcessIdsEverStarted;
        Assert.Equal(2 + pool.Restarts, everStarted.Count);
        Assert.NotEmpty(ChildProcesses.MarkedAsChildrenOfThisProcess());

        await pool.DisposeAsync().AsTask().Within();

        Assert.All(everStarted, pid => Assert.False(ChildProcesses.IsAlive(pid), $"worker {pid} outlived the pool"));
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public async Task DisposeAsync_ItemsRunningAndQueued_FailWithObjectDisposed()
    {
        ProcessPool pool = await ProcessPool.StartAsync(1).Within();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.LogReceived += _ => running.TrySetResult();
        Task<WorkResult> first = pool.RunAsync(WorkItem.Sleep(60_000));
        Task<WorkResult> queued = pool.RunAsync(WorkItem.Echo("never runs"));
        await running.Task.Within();

        await pool.DisposeAsync().AsTask().Within();

        await first.FailsWith<ObjectDisposedException>();
        await queued.FailsWith<ObjectDisposedException>();
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }

    [Fact]
    public async Task AfterDispose_Use_ThrowsObjectDisposedAndSecondDisposeIsHarmless()
    {
        ProcessPool pool = await ProcessPool.StartAsync(1).Within();
        await pool.DisposeAsync().AsTask().Within();

        Bounded.ThrowsBeforeReturning<ObjectDisposedException>(() => pool.RunAsync(WorkItem.Pid()));
        Bounded.ThrowsBeforeReturning<ObjectDisposedException>(() => pool.RunAllAsync([WorkItem.Pid()]));
        Bounded.ThrowsBeforeReturning<ObjectDisposedException>(() => pool.WaitUntilReadyAsync());
        await pool.DisposeAsync().AsTask().Within();
        Assert.Equal(0, pool.LiveWorkerCount);
    }
}
