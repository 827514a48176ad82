using Microsoft.Extensions.Time.Testing;
using Workbook.Processes;

namespace Workbook.Tests.Processes;

[Collection(ProcessesCollection.Name)]
public sealed class ProcessPoolRunAllTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task RunAllAsync_HundredItems_ResultsInInputOrderEqualInProcessComputation(int workers)
    {
        await using ProcessPool pool = await ProcessPool.StartAsync(workers).Within();

        // Chunks of very different widths, shuffled with a fixed seed, so items finish out of
        // order and only a correct re-ordering gives input order back.
        var random = new Random(2024);
        WorkItem[] items = [.. Enumerable.Range(0, 100)
            .Select(i => random.Next(1, 20_000))
            .Select((width, i) => WorkItem.CountPrimes(i * 20_000L, i * 20_000L + width))];

        IReadOnlyList<WorkResult> results = await pool.RunAllAsync(items).Within();

        Assert.Equal(items.Select(i => i.Label), results.Select(r => r.Label));
        Assert.Equal(items.Select(i => CpuWork.CountPrimes(i.Argument, i.Argument2)), results.Select(r => r.Value));
        Assert.Equal(items.Select(i => Primes.Count(i.Argument, i.Argument2)), results.Select(r => r.Value));
        Assert.Equal(workers, pool.Timeline.Select(s => s.Worker).Distinct().Count());
    }

    [Fact]
    public async Task Timeline_InjectedClock_OffsetsComeFromThatClock()
    {
        var clock = new FakeTimeProvider();
        await using ProcessPool pool = await ProcessPool.StartAsync(1, new ProcessPoolOptions { TimeProvider = clock }).Within();

        clock.Advance(TimeSpan.FromSeconds(5));
        await pool.RunAsync(WorkItem.Echo("first")).Within();
        clock.Advance(TimeSpan.FromSeconds(2));
        await pool.RunAsync(WorkItem.Echo("second")).Within();

        Assert.Equal(
            [(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), (TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7))],
            pool.Timeline.Select(s => (s.Start, s.End)));
        pool.ClearTimeline();
        Assert.Empty(pool.Timeline);
    }
}
