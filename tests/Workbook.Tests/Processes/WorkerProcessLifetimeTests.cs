using System.Diagnostics;
using Workbook.Processes;

namespace Workbook.Tests.Processes;

/// <summary>Tests that end their worker, so each starts its own.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class WorkerProcessLifetimeTests
{
    [Fact]
    public async Task CloseInput_IdleWorker_ExitsByItselfWithCodeZero()
    {
        await using WorkerProcess worker = await WorkerProcess.StartAsync().Within();

        worker.CloseInput();
        await worker.Exited.Within();

        Assert.Equal(0, worker.ExitCode);
        Assert.False(ChildProcesses.IsAlive(worker.ProcessId));
    }

    [Fact]
    public async Task RunAsync_Crash_FailsWithExitCodeAndLaterCallsFailToo()
    {
        await using WorkerProcess worker = await WorkerProcess.StartAsync().Within();

        var crash = await worker.RunAsync(WorkItem.Crash()).FailsWith<WorkerCrashedException>();

        Assert.Equal("crash", crash.ItemLabel);
        Assert.Equal(worker.ProcessId, crash.ProcessId);
        Assert.NotNull(crash.ExitCode);
        Assert.NotEqual(0, crash.ExitCode);
        Assert.True(worker.HasExited);
        await worker.RunAsync(WorkItem.Pid()).FailsWith<WorkerCrashedException>();
    }

    [Fact]
    public async Task RunAsync_KilledFromOutsideMidItem_FailsWithCrash()
    {
        await using WorkerProcess worker = await WorkerProcess.StartAsync().Within();
        var sleeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.LogReceived += _ => sleeping.TrySetResult();
        Task<WorkResult> call = worker.RunAsync(WorkItem.Sleep(60_000));
        await sleeping.Task.Within();

        using (Process victim = Process.GetProcessById(worker.ProcessId))
        {
            victim.Kill();
        }

        var crash = await call.FailsWith<WorkerCrashedException>();
        Assert.NotEqual(0, crash.ExitCode);
    }

    [Fact]
    public async Task DisposeAsync_RunningWorker_ProcessIsGoneAndUseThrows()
    {
        WorkerProcess worker = await WorkerProcess.StartAsync().Within();
        Task<WorkResult> pending = worker.RunAsync(WorkItem.Sleep(60_000));

        await worker.DisposeAsync().AsTask().Within();

        Assert.False(ChildProcesses.IsAlive(worker.ProcessId));
        await pending.FailsWith<WorkerCrashedException>();
        Bounded.ThrowsBeforeReturning<ObjectDisposedException>(() => worker.RunAsync(WorkItem.Pid()));
        await worker.DisposeAsync().AsTask().Within(); // A second dispose is harmless.
    }

    [Fact]
    public async Task StartAsync_CancelledToken_ThrowsAndStartsNothing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await WorkerProcess.StartAsync(cancelled.Token).FailsWith<OperationCanceledException>();
        Assert.Empty(ChildProcesses.MarkedAsChildrenOfThisProcess());
    }
}
