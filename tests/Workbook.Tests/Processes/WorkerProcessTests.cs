using System.Collections.Concurrent;
using Workbook.Processes;

namespace Workbook.Tests.Processes;

[Collection(ProcessesCollection.Name)]
public sealed class WorkerProcessTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    private WorkerProcess Worker => fixture.Worker;

    [Fact]
    public async Task RunAsync_Echo_ReturnsSameText()
    {
        WorkResult result = await Worker.RunAsync(WorkItem.Echo("héllo, wörld ✓")).Within();
        Assert.Equal("héllo, wörld ✓", result.Text);
        Assert.Equal(Worker.ProcessId, result.ProcessId);
    }

    [Fact]
    public async Task RunAsync_Pid_ReturnsChildPidNotOurs()
    {
        WorkResult result = await Worker.RunAsync(WorkItem.Pid()).Within();
        Assert.Equal(Worker.ProcessId, result.Value);
        Assert.NotEqual(Environment.ProcessId, result.Value);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(0, 100_000)]
    [InlineData(1_000_000, 1_050_000)]
    public async Task RunAsync_CountPrimes_MatchesSieve(long from, long to)
    {
        WorkResult result = await Worker.RunAsync(WorkItem.CountPrimes(from, to)).Within();
        Assert.Equal(Primes.Count(from, to), result.Value);
        Assert.Equal(WorkOperation.CountPrimes, result.Operation);
    }

    [Fact]
    public async Task RunAsync_Spin_MatchesInProcessChecksum()
    {
        WorkResult result = await Worker.RunAsync(WorkItem.Spin(1_234_567)).Within();
        Assert.Equal(CpuWork.Spin(1_234_567), result.Value);
    }

    [Fact]
    public async Task RunAsync_Sleep_ReturnsMilliseconds()
    {
        WorkResult result = await Worker.RunAsync(WorkItem.Sleep(20)).Within();
        Assert.Equal(20, result.Value);
    }

    [Fact]
    public async Task RunAsync_Throw_FailsWithRemoteErrorAndWorkerStaysAlive()
    {
        var error = await Worker.RunAsync(WorkItem.Throw("planned failure")).FailsWith<WorkItemFailedException>();
        Assert.Equal("planned failure", error.RemoteMessage);
        Assert.Equal(typeof(InvalidOperationException).FullName, error.RemoteType);
        Assert.Equal("throw", error.ItemLabel);

        WorkResult after = await Worker.RunAsync(WorkItem.Pid()).Within();
        Assert.Equal(Worker.ProcessId, after.Value);
        Assert.False(Worker.HasExited);
    }

    [Fact]
    public async Task RunAsync_ManyConcurrentCalls_EachGetsItsOwnReply()
    {
        Task<WorkResult>[] calls = [.. Enumerable.Range(0, 50).Select(i => Task.Run(() => Worker.RunAsync(WorkItem.Echo($"message {i}"))))];
        WorkResult[] results = await Task.WhenAll(calls).Within();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"message {i}"), results.Select(r => r.Text));
    }

    [Fact]
    public async Task LogReceived_LongItem_ProgressArrivesOnLogChannelAndResultOnWorkChannel()
    {
        string label = "log-test " + Guid.NewGuid();
        var logs = new ConcurrentQueue<WorkerLog>();
        var lastQuarter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLog(WorkerLog log)
        {
            if (log.Label == label)
            {
                logs.Enqueue(log);
                if (log.Progress == 0.75)
                {
                    lastQuarter.TrySetResult();
                }
            }
        }

        Worker.LogReceived += OnLog;
        try
        {
            WorkResult result = await Worker.RunAsync(WorkItem.CountPrimes(0, 400_000) with { Label = label }).Within();
            await lastQuarter.Task.Within();

            Assert.Equal(Primes.Count(0, 400_000), result.Value);
            Assert.Equal(label, result.Label);
            WorkerLog[] received = [.. logs];
            Assert.Equal(WorkerLogKind.Info, received[0].Kind);
            Assert.Equal([0.25, 0.5, 0.75], received.Where(l => l.Kind == WorkerLogKind.Progress).Select(l => l.Progress!.Value));
            Assert.All(received, l => Assert.Equal(Worker.ProcessId, l.ProcessId));
        }
        finally
        {
            Worker.LogReceived -= OnLog;
        }
    }

    [Fact]
    public async Task RunAsync_CancelWhileSleeping_CallerCancelledWorkerStopsAndLivesOn()
    {
        string label = "cancel-test " + Guid.NewGuid();
        var sleeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLog(WorkerLog log)
        {
            if (log.Label == label)
            {
                sleeping.TrySetResult();
            }
        }

        Worker.LogReceived += OnLog;
        try
        {
            using var cancel = new CancellationTokenSource();
            Task<WorkResult> call = Worker.RunAsync(WorkItem.Sleep(60_000) with { Label = label }, cancel.Token);

            // The log message arrives while the item is still running: the channels are independent.
            await sleeping.Task.Within();
            Assert.False(call.IsCompleted);

            cancel.Cancel();
            await call.FailsWith<OperationCanceledException>();

            // The worker honoured the cancel: the next item runs at once on the same process.
            WorkResult next = await Worker.RunAsync(WorkItem.Pid()).Within();
            Assert.Equal(Worker.ProcessId, next.Value);
        }
        finally
        {
            Worker.LogReceived -= OnLog;
        }
    }

    [Fact]
    public void RunAsync_NullItem_Throws() =>
        Assert.Equal("item", Bounded.ThrowsBeforeReturning<ArgumentNullException>(() => Worker.RunAsync(null!)).ParamName);
}
