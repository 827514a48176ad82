using Microsoft.Extensions.Time.Testing;
using Workbook.Measurement;

namespace Workbook.Tests.Measurement;

public class MeasureTests
{
    [Fact]
    public void Repeat_DefaultCounts_RunsWarmupPlusRepetitionsAndKeepsRepetitions()
    {
        int calls = 0;

        Timings result = Measure.Repeat(() => calls++);

        Assert.Equal(Measure.DefaultWarmup + Measure.DefaultRepetitions, calls);
        Assert.Equal(Measure.DefaultRepetitions, result.Samples.Count);
        Assert.Equal(Measure.DefaultRepetitions, result.Stats.Count);
    }

    [Fact]
    public void Repeat_FakeClock_RecordsExactlyEachMeasuredRunAndDiscardsWarmup()
    {
        var clock = new FakeTimeProvider();
        int call = 0;

        // Run k (1-based) advances the fake clock by k ms: warm-up runs 1..2 are discarded.
        Timings result = Measure.Repeat(
            () => clock.Advance(TimeSpan.FromMilliseconds(++call)),
            repetitions: 4,
            warmup: 2,
            timeProvider: clock);

        Assert.Equal(6, call);
        Assert.Equal([3.0, 4.0, 5.0, 6.0], result.Milliseconds);
        Assert.Equal(4.5, result.Stats.Median);
        Assert.Equal(TimeSpan.FromMilliseconds(4.5), result.Median);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(1, -1)]
    public void Repeat_BadCounts_ThrowsArgumentOutOfRange(int repetitions, int warmup)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Repeat(() => { }, repetitions, warmup));
    }

    [Fact]
    public void Repeat_CancelledToken_ThrowsBeforeRunning()
    {
        int calls = 0;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => Measure.Repeat(() => calls++, cancellationToken: cts.Token));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task RepeatAsync_Counts_RunsWarmupPlusRepetitionsAndKeepsRepetitions()
    {
        int calls = 0;

        Timings result = await Measure.RepeatAsync(
            async () => { Interlocked.Increment(ref calls); await Task.Yield(); },
            repetitions: 7,
            warmup: 2).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(9, calls);
        Assert.Equal(7, result.Samples.Count);
    }

    [Fact]
    public async Task RepeatAsync_CancelledMidway_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        int calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Measure.RepeatAsync(
            () =>
            {
                if (++calls == 3)
                {
                    cts.Cancel();
                }
                return Task.CompletedTask;
            },
            repetitions: 10,
            warmup: 0,
            cancellationToken: cts.Token).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Once_FakeClock_ReturnsElapsed()
    {
        var clock = new FakeTimeProvider();

        TimeSpan elapsed = Measure.Once(() => clock.Advance(TimeSpan.FromMilliseconds(42)), clock);

        Assert.Equal(TimeSpan.FromMilliseconds(42), elapsed);
    }

    [Fact]
    public async Task OnceAsync_FakeClock_ReturnsElapsed()
    {
        var clock = new FakeTimeProvider();

        TimeSpan elapsed = await Measure.OnceAsync(
            () => { clock.Advance(TimeSpan.FromSeconds(2)); return Task.CompletedTask; }, clock)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(2), elapsed);
    }

    [Fact]
    public void Time_FakeClock_ReturnsValueAndElapsed()
    {
        var clock = new FakeTimeProvider();

        var (value, elapsed) = Measure.Time(() => { clock.Advance(TimeSpan.FromMilliseconds(7)); return 6 * 7; }, clock);

        Assert.Equal(42, value);
        Assert.Equal(TimeSpan.FromMilliseconds(7), elapsed);
    }

    [Fact]
    public async Task TimeAsync_FakeClock_ReturnsValueAndElapsed()
    {
        var clock = new FakeTimeProvider();

        Timed<string> timed = await Measure.TimeAsync(
            async () => { await Task.Yield(); clock.Advance(TimeSpan.FromMilliseconds(3)); return "done"; }, clock)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("done", timed.Value);
        Assert.Equal(TimeSpan.FromMilliseconds(3), timed.Elapsed);
        Assert.Equal("done in 3.00 ms", timed.ToString());
    }
}
