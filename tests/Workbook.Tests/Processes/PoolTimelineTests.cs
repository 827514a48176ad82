using Workbook.Processes;
using PoolSpan = Workbook.Processes.ActivitySpan;

namespace Workbook.Tests.Processes;

public sealed class PoolTimelineTests
{
    private static PoolSpan Span(int worker, int pid, string label, int startMs, int endMs, ActivityOutcome outcome = ActivityOutcome.Completed) =>
        new(worker, pid, label, TimeSpan.FromMilliseconds(startMs), TimeSpan.FromMilliseconds(endMs), outcome);

    [Fact]
    public void ToActivitySpans_PerWorker_LaneIsSlotLabelHasPidTimesKept()
    {
        PoolSpan[] pool = [Span(1, 200, "b", 5, 9), Span(0, 100, "a", 0, 10)];

        var spans = pool.ToActivitySpans();

        Assert.Equal(["worker 0", "worker 1"], spans.Select(s => s.Lane));
        Assert.Equal(["a · worker 0, pid 100", "b · worker 1, pid 200"], spans.Select(s => s.Label));
        Assert.Equal(TimeSpan.FromMilliseconds(5), spans[1].Start);
        Assert.Equal(TimeSpan.FromMilliseconds(9), spans[1].End);
    }

    [Fact]
    public void ToActivitySpans_PerProcess_ReplacementGetsItsOwnLaneAndOutcomeShown()
    {
        PoolSpan[] pool = [Span(0, 100, "crash", 0, 3, ActivityOutcome.Crashed), Span(0, 101, "next", 4, 8)];

        var spans = pool.ToActivitySpans(TimelineLanes.Process);

        Assert.Equal(["pid 100", "pid 101"], spans.Select(s => s.Lane));
        Assert.Equal("crash · worker 0, pid 100 · Crashed", spans[0].Label);
    }

    [Fact]
    public void ToActivitySpans_NullElement_ThrowsNamingIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => new PoolSpan[] { Span(0, 1, "a", 0, 1), null! }.ToActivitySpans());
        Assert.Contains("index 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToActivitySpans_UnknownLaneMode_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new[] { Span(0, 1, "a", 0, 1) }.ToActivitySpans((TimelineLanes)42));

    [Fact]
    public void MaxInFlight_BackToBack_IsOne()
    {
        PoolSpan[] sequential = [Span(0, 1, "a", 0, 10), Span(0, 1, "b", 10, 20), Span(1, 2, "c", 20, 25)];

        Assert.Equal(1, sequential.MaxInFlight());
    }

    [Fact]
    public void MaxInFlight_ThreeOverlapAtOnePoint_IsThree()
    {
        PoolSpan[] spans = [Span(0, 1, "a", 0, 10), Span(1, 2, "b", 5, 15), Span(2, 3, "c", 9, 12), Span(0, 1, "d", 14, 20)];

        Assert.Equal(3, spans.MaxInFlight());
    }

    [Fact]
    public void MaxInFlight_Empty_IsZero() => Assert.Equal(0, Array.Empty<PoolSpan>().MaxInFlight());
}
