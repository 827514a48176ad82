using Workbook.Processes;

namespace Workbook.Tests.Processes;

[Collection(ProcessesCollection.Name)]
public sealed class ProcessLivenessTests
{
    [Fact]
    public void IsRunning_ThisProcess_True() => Assert.True(ProcessLiveness.IsRunning(Environment.ProcessId));

    [Fact]
    public async Task IsRunning_WorkerBeforeAndAfterDisposal_TrueThenFalse()
    {
        WorkerProcess worker = await WorkerProcess.StartAsync().Within();
        int pid = worker.ProcessId;
        bool before = ProcessLiveness.IsRunning(pid);

        await worker.DisposeAsync().AsTask().Within();

        Assert.True(before);
        Assert.False(ProcessLiveness.IsRunning(pid));
        Assert.Empty(ProcessLiveness.StillRunning([pid]));
    }

    [Fact]
    public void StillRunning_MixOfLiveAndUnused_ReturnsOnlyLive()
    {
        // Pid values above the kernel's maximum (at most 2^22 on Linux) can never be in use.
        int unused = 1 << 30;

        Assert.Equal([Environment.ProcessId], ProcessLiveness.StillRunning([unused, Environment.ProcessId]));
        Assert.Throws<ArgumentNullException>(() => ProcessLiveness.StillRunning(null!));
    }
}
