using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class PowerOfTwoChoicesTests
{
    [Fact]
    public void Pick_ThreeBackendsWithSetLoads_NeverTheStrictlyBusiest()
    {
        var balancer = new PowerOfTwoChoices(Backend.Range(3), new Random(42));
        balancer.UseLoadView([0, 1, 9]);
        var counts = new int[3];
        for (int i = 0; i < 30_000; i++)
        {
            counts[balancer.Pick().Index]++;
        }

        Assert.Equal(0, counts[2]);

        // Distinct pairs {0,1},{0,2},{1,2} are equally likely: backend 0 wins two of them, backend 1 one.
        Assert.InRange(counts[0] / 30_000.0, 0.64, 0.69);
    }

    [Fact]
    public void Pick_TwoBackends_AlwaysComparesBothSoAlwaysTheIdleOne()
    {
        // If the two draws could be the same backend, the busy one would win a quarter of the time.
        var balancer = new PowerOfTwoChoices(Backend.Range(2), new Random(1));
        balancer.UseLoadView([5, 0]);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.Equal(1, balancer.Pick().Index);
        }
    }

    [Fact]
    public void Pick_SameSeed_SameSequence()
    {
        var first = new PowerOfTwoChoices(Backend.Range(10), new Random(5));
        var second = new PowerOfTwoChoices(Backend.Range(10), new Random(5));
        for (int i = 0; i < 1_000; i++)
        {
            using var a = first.Pick();
            using var b = second.Pick();
            Assert.Equal(a.Index, b.Index);
        }
    }

    [Fact]
    public void Pick_OneBackendLeftAfterEjection_ReturnsIt()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var balancer = new PowerOfTwoChoices(Backend.Range(2), new Random(1), time, new EjectionOptions { ConsecutiveFailures = 1 });
        for (int i = 0; i < 100 && balancer.HealthOf(0) == BackendHealth.Healthy; i++)
        {
            using var lease = balancer.Pick();
            lease.Complete(success: lease.Index != 0);
        }

        for (int i = 0; i < 100; i++)
        {
            using var lease = balancer.Pick();
            Assert.Equal(1, lease.Index);
        }
    }
}
