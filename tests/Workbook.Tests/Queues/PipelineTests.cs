using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Workbook.Queues;

namespace Workbook.Tests.Queues;

public class PipelineTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 4, 3)]
    [InlineData(4, 1, 2)]
    public async Task RunAsync_ThreeStages_EveryItemPassesEveryStageExactlyOnce(int p1, int p2, int p3)
    {
        const int count = 5_000;
        var result = await Pipeline.Create<int>()
            .Then("double", x => x * 2L, parallelism: p1, capacity: 3)
            .Then("offset", async (x, ct) => { await Task.Yield(); return x + 1; }, parallelism: p2, capacity: 2)
            .Then("format", x => x.ToString(), parallelism: p3, capacity: 5)
            .RunAsync(Enumerable.Range(1, count)).Within();

        var expected = Enumerable.Range(1, count).Select(x => (x * 2L + 1).ToString()).Order();
        Assert.Equal(expected, result.Outputs.Order());
        Assert.All(result.Report.Stages, s =>
        {
            Assert.Equal(count, s.Received);
            Assert.Equal(count, s.Emitted);
        });
        Assert.Equal(["double", "offset", "format"], result.Report.Stages.Select(s => s.Name));
    }

    [Fact]
    public async Task Completion_StageThrows_FaultsWithThatException()
    {
        var pipeline = Pipeline.Create<int>()
            .Then("ok", x => x, capacity: 2)
            .Then("bad", x => x == 42 ? throw new InvalidOperationException("item 42 is bad") : x, parallelism: 2, capacity: 2)
            .Then("after", x => x)
            .Start();

        // Writes may fail once the pipeline has faulted; the interesting error is on Completion.
        try
        {
            for (var i = 1; i <= 1_000; i++)
            {
                await pipeline.WriteAsync(i).Within();
            }

            pipeline.Complete();
        }
        catch (ChannelClosedException)
        {
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.Completion.Within());
        Assert.Equal("item 42 is bad", ex.Message);
        // Readers of the output see the same error once they have drained what got through.
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in pipeline.Output.ReadAllAsync().WithCancellation(new CancellationTokenSource(Bounded.Limit).Token))
            {
            }
        });
        await pipeline.SamplerCompletion.Within();
    }

    [Fact]
    public async Task RunAsync_StageThrows_RethrowsOriginalException()
    {
        var builder = Pipeline.Create<int>().Then<int>("explode", x => throw new FormatException($"cannot parse {x}"));

        await Assert.ThrowsAsync<FormatException>(() => builder.RunAsync(Enumerable.Range(1, 100)).Within());
    }

    [Fact]
    public async Task Complete_AfterWrites_DrainsEverythingBeforeFinishing()
    {
        // The consumer stage is held closed by a gate, so items pile up in the channels; after
        // Complete() the pipeline must still deliver them all.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = Pipeline.Create<int>()
            .Then("wait", async (x, ct) => { await gate.Task.WaitAsync(ct); return x; }, capacity: 100)
            .Start();
        for (var i = 0; i < 50; i++)
        {
            await pipeline.WriteAsync(i).Within();
        }

        pipeline.Complete();
        gate.SetResult();
        var report = await pipeline.Completion.Within();

        var outputs = new List<int>();
        await foreach (var x in pipeline.Output.ReadAllAsync().WithCancellation(new CancellationTokenSource(Bounded.Limit).Token))
        {
            outputs.Add(x);
        }

        Assert.Equal(Enumerable.Range(0, 50), outputs);
        Assert.Equal(50, report.Stages[0].Emitted);
    }

    [Fact]
    public async Task Completion_FakeClock_SamplesOnEachTickAndStopsAtTheEnd()
    {
        var clock = new FakeTimeProvider();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = Pipeline.Create<int>()
            .Then("held", async (x, ct) => { await gate.Task.WaitAsync(ct); return x; }, capacity: 10)
            .Start(new PipelineOptions { TimeProvider = clock, SampleEvery = TimeSpan.FromSeconds(1) });
        for (var i = 0; i < 5; i++)
        {
            await pipeline.WriteAsync(i).Within();
        }

        await pipeline.Sampler.WhenSampled(1).Within();
        clock.Advance(TimeSpan.FromSeconds(1));
        await pipeline.Sampler.WhenSampled(2).Within();
        clock.Advance(TimeSpan.FromSeconds(1));
        await pipeline.Sampler.WhenSampled(3).Within();
        pipeline.Complete();
        gate.SetResult();
        var report = await pipeline.Completion.Within();
        await pipeline.SamplerCompletion.Within();
        clock.Advance(TimeSpan.FromSeconds(10));

        var depth = report.Stages[0].Depth;
        // One sample at start, two ticks, one final sample: ticks after completion add nothing.
        Assert.Equal(4, depth.Count);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], depth.Select(s => s.At));
        Assert.Equal(0, depth[^1].Depth);
        // While the stage was held, the backlog (5 items, one possibly taken by the worker) was visible.
        Assert.InRange(depth[1].Depth, 4, 5);
    }

    [Fact]
    public async Task Completion_CallerCancels_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var pipeline = Pipeline.Create<int>()
            .Then("forever", async (x, ct) => { await Task.Delay(Timeout.Infinite, ct); return x; })
            .Start(cancellationToken: cts.Token);
        await pipeline.WriteAsync(1).Within();

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.Completion.Within());
    }

    [Fact]
    public void Then_DuplicateStageName_ThrowsNamingTheStage()
    {
        var builder = Pipeline.Create<int>().Then("a", x => x);

        var ex = Assert.Throws<ArgumentException>(() => builder.Then("a", x => x));
        Assert.Contains("'a'", ex.Message);
    }

    [Fact]
    public void Start_NoStages_ThrowsClearly()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Pipeline.Create<int>().Start());
        Assert.Contains("no stages", ex.Message);
    }
}
