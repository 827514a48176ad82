using Microsoft.Extensions.Time.Testing;
using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class EjectionTests
{
    private static readonly EjectionOptions ThreeStrikes = new() { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(10) };

    [Fact]
    public void Complete_ThreeConsecutiveFailures_EjectsAndStopsPicks()
    {
        var time = new FakeTimeProvider();
        var balancer = new RoundRobin(Backend.Range(3), time, ThreeStrikes);
        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(BackendHealth.Healthy, balancer.HealthOf(0));
            RunRound(balancer, failOn: 0);
        }

        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(0));
        var picks = Enumerable.Range(0, 100).Select(_ => { using var l = balancer.Pick(); l.Complete(true); return l.Index; }).ToList();
        Assert.DoesNotContain(0, picks);
        Assert.Equal(50, picks.Count(i => i == 1));
    }

    [Fact]
    public void Complete_SuccessBetweenFailures_ResetsTheStreak()
    {
        var balancer = new RoundRobin(Backend.Range(1), new FakeTimeProvider(), ThreeStrikes);
        foreach (var success in new[] { false, false, true, false, false, true, false, false })
        {
            balancer.Pick().Complete(success);
        }

        Assert.Equal(BackendHealth.Healthy, balancer.HealthOf(0));
        balancer.Pick().Complete(success: false);
        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(0));
    }

    [Fact]
    public void Pick_PeriodOver_ExactlyOneTrialThenReadmitted()
    {
        var time = new FakeTimeProvider();
        var balancer = new RoundRobin(Backend.Range(2), time, ThreeStrikes);
        EjectFirst(balancer);

        time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(0));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(BackendHealth.HalfOpen, balancer.HealthOf(0));

        var leases = Enumerable.Range(0, 10).Select(_ => balancer.Pick()).ToList();
        Assert.Single(leases, l => l.Index == 0);
        Assert.Equal(BackendHealth.Probing, balancer.HealthOf(0));

        leases.Single(l => l.Index == 0).Complete(success: true);
        Assert.Equal(BackendHealth.Healthy, balancer.HealthOf(0));
        var after = Enumerable.Range(0, 10).Select(_ => balancer.Pick().Index).ToList();
        Assert.Equal(5, after.Count(i => i == 0));
    }

    [Fact]
    public void Complete_TrialFails_EjectedForAnotherPeriod()
    {
        var time = new FakeTimeProvider();
        var balancer = new RoundRobin(Backend.Range(2), time, ThreeStrikes);
        EjectFirst(balancer);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(PickOn(balancer, 0, out var trial));
        time.Advance(TimeSpan.FromSeconds(1));
        trial.Complete(success: false);

        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(0));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(0));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(BackendHealth.HalfOpen, balancer.HealthOf(0));
    }

    [Fact]
    public void Dispose_TrialCancelled_OffersTheTrialAgain()
    {
        var time = new FakeTimeProvider();
        var balancer = new RoundRobin(Backend.Range(2), time, ThreeStrikes);
        EjectFirst(balancer);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(PickOn(balancer, 0, out var trial));
        trial.Dispose();

        Assert.Equal(BackendHealth.HalfOpen, balancer.HealthOf(0));
    }

    [Fact]
    public void Pick_OnlyBackendMidTrial_ThrowsWithoutReturnTime()
    {
        var time = new FakeTimeProvider();
        var balancer = new RoundRobin([new Backend("solo")], time, ThreeStrikes);
        for (int i = 0; i < 3; i++)
        {
            balancer.Pick().Complete(success: false);
        }

        var ejected = Assert.Throws<NoHealthyBackendException>(() => balancer.Pick());
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(10), ejected.NextReturn);

        time.Advance(TimeSpan.FromSeconds(10));
        using var trial = balancer.Pick();
        var probing = Assert.Throws<NoHealthyBackendException>(() => balancer.Pick());
        Assert.Null(probing.NextReturn);
        Assert.Contains("solo probing", probing.Message);
    }

    [Fact]
    public void Complete_FailuresOfRequestsStartedBeforeEjection_DoNotExtendIt()
    {
        var time = new FakeTimeProvider();
        var balancer = new RoundRobin([new Backend("solo")], time, ThreeStrikes);
        var inFlight = Enumerable.Range(0, 6).Select(_ => balancer.Pick()).ToList();
        foreach (var lease in inFlight.Take(3))
        {
            lease.Complete(success: false);
        }

        time.Advance(TimeSpan.FromSeconds(5));
        foreach (var lease in inFlight.Skip(3))
        {
            lease.Complete(success: false); // late failures of the same outage
        }

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(BackendHealth.HalfOpen, balancer.HealthOf(0));
    }

    [Fact]
    public void EjectionOptions_ZeroFailuresOrDuration_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EjectionOptions { ConsecutiveFailures = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EjectionOptions { Duration = TimeSpan.Zero });
    }

    private static void RunRound(Balancer balancer, int failOn)
    {
        for (int i = 0; i < balancer.Count; i++)
        {
            using var lease = balancer.Pick();
            lease.Complete(success: lease.Index != failOn);
        }
    }

    private static void EjectFirst(Balancer balancer)
    {
        for (int i = 0; i < 100 && balancer.HealthOf(0) != BackendHealth.Ejected; i++)
        {
            RunRound(balancer, failOn: 0);
        }

        Assert.Equal(BackendHealth.Ejected, balancer.HealthOf(0));
    }

    private static bool PickOn(Balancer balancer, int index, out Lease lease)
    {
        for (int i = 0; i < 100; i++)
        {
            lease = balancer.Pick();
            if (lease.Index == index)
            {
                return true;
            }

            lease.Complete(success: true);
        }

        lease = null!;
        return false;
    }
}
