using Microsoft.Extensions.Time.Testing;
using Workbook.Measurement;

namespace Workbook.Tests.Measurement;

public class ActivityRecorderTests
{
    [Fact]
    public void Record_FakeClock_StoresLaneLabelAndOffsets()
    {
        var clock = new FakeTimeProvider();
        var recorder = new ActivityRecorder(clock);
        clock.Advance(TimeSpan.FromMilliseconds(10));

        using (recorder.Record("item 7", lane: "worker 2"))
        {
            clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        ActivitySpan span = Assert.Single(recorder.Spans);
        Assert.Equal(new ActivitySpan("worker 2", "item 7", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(15)), span);
        Assert.Equal(TimeSpan.FromMilliseconds(5), span.Duration);
    }

    [Fact]
    public void Record_NoLane_UsesCurrentThreadLane()
    {
        var recorder = new ActivityRecorder();

        using (recorder.Record("work")) { }

        Assert.Equal($"thread {Environment.CurrentManagedThreadId}", Assert.Single(recorder.Spans).Lane);
    }

    [Fact]
    public void Dispose_Twice_RecordsOnce()
    {
        var recorder = new ActivityRecorder();
        ActivityScope scope = recorder.Record("once");

        scope.Dispose();
        scope.Dispose();

        Assert.Equal(1, recorder.Count);
    }

    [Fact]
    public void Spans_AddedOutOfOrder_AreOrderedByStart()
    {
        var recorder = new ActivityRecorder(new FakeTimeProvider());
        recorder.Add("p1", "c", TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(40));
        recorder.Add("p2", "a", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));
        recorder.Add("p1", "b", TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(25));

        Assert.Equal(["a", "b", "c"], recorder.Spans.Select(s => s.Label));
    }

    [Fact]
    public void Spans_Snapshot_DoesNotChangeWhenMoreAreRecorded()
    {
        var recorder = new ActivityRecorder();
        recorder.Add("lane", "first", TimeSpan.Zero, TimeSpan.Zero);
        IReadOnlyList<ActivitySpan> before = recorder.Spans;

        recorder.Add("lane", "second", TimeSpan.Zero, TimeSpan.Zero);

        Assert.Single(before);
        Assert.Equal(2, recorder.Spans.Count);
    }

    [Fact]
    public void Add_EndBeforeStart_ThrowsArgumentOutOfRange()
    {
        var recorder = new ActivityRecorder();

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => recorder.Add("lane", "x", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Add_NegativeStart_ThrowsArgumentOutOfRange()
    {
        var recorder = new ActivityRecorder();

        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Add("lane", "x", TimeSpan.FromSeconds(-1), TimeSpan.Zero));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Add_BlankLane_ThrowsArgumentException(string lane)
    {
        var recorder = new ActivityRecorder();

        Assert.Throws<ArgumentException>(() => recorder.Add(lane, "x", TimeSpan.Zero, TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => recorder.Record("x", lane));
    }

    [Fact]
    public void Record_EightThreadsTenThousandEach_LosesNothing()
    {
        const int threads = 8, perThread = 10_000;
        var recorder = new ActivityRecorder();
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < perThread; i++)
            {
                using (recorder.Record($"{t}:{i}", lane: $"worker {t}")) { }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => Assert.True(w.Join(TimeSpan.FromSeconds(30))));

        IReadOnlyList<ActivitySpan> spans = recorder.Spans;
        Assert.Equal(threads * perThread, spans.Count);
        Assert.Equal(threads * perThread, spans.Select(s => s.Label).Distinct().Count());
        Assert.All(spans, s => Assert.True(s.End >= s.Start, $"{s} ends before it starts"));
        Assert.All(spans, s => Assert.Equal($"worker {s.Label.Split(':')[0]}", s.Lane));
        Assert.True(spans.Zip(spans.Skip(1)).All(pair => pair.First.Start <= pair.Second.Start), "spans are not ordered by start");
    }
}
