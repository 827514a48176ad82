using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class OutageReplayTests
{
    private static readonly EjectionOptions ThreeStrikes = new() { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(30) };

    private static IReadOnlyList<OutageSecond> Replay() => OutageReplay.Run(
        clock => new RoundRobin(Backend.Range(3, "api-"), clock, ThreeStrikes), "api-2", downFrom: 10, downUntil: 75, seconds: 120, requestsPerSecond: 30);

    [Fact]
    public void Run_HealthyStretch_SickBackendGetsItsThird()
    {
        var rows = Replay();

        Assert.All(rows.Take(10), r => Assert.Equal(10, r.SentToSick));
        Assert.All(rows.Take(10), r => Assert.Equal(0, r.Failed));
    }

    [Fact]
    public void Run_Outage_EjectedAfterThreeFailuresThenOnlyOneTrialPerPeriod()
    {
        var rows = Replay();

        // Three failures eject it within the first second of the outage; then one failed trial every 30 s.
        Assert.Equal(3, rows[10].Failed);
        Assert.Equal(BackendHealth.Ejected, rows[10].Health);
        var trials = rows.Skip(11).Where(r => r.IsDown && r.SentToSick > 0).ToList();
        Assert.Equal([40, 70], trials.Select(t => t.Second));
        Assert.All(trials, t => Assert.Equal(1, t.Failed));
        Assert.Equal(3 + trials.Count, rows.Sum(r => r.Failed));
    }

    [Fact]
    public void Run_AfterTheOutage_NextTrialSucceedsAndTrafficReturns()
    {
        var rows = Replay();

        // Ejected again at 70 s, so its next trial is at 100 s; it succeeds and the backend is readmitted.
        Assert.All(rows.Skip(75).Take(25), r => Assert.Equal(0, r.SentToSick));
        Assert.Equal(BackendHealth.Healthy, rows[100].Health);
        Assert.All(rows.Skip(101), r => Assert.Equal(10, r.SentToSick));
        Assert.Equal(0, rows.Skip(75).Sum(r => r.Failed));
    }

    [Fact]
    public void Run_UnknownBackendName_ThrowsListingTheNames()
    {
        var error = Assert.Throws<ArgumentException>(() => OutageReplay.Run(clock => new RoundRobin(Backend.Range(2), clock, ThreeStrikes), "api-9", 1, 2));
        Assert.Contains("server0, server1", error.Message, StringComparison.Ordinal);
    }
}
