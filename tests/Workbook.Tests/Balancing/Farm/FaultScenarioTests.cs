using Workbook.Balancing.Farm;

namespace Workbook.Tests.Balancing.Farm;

public sealed class FaultScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("round-robin")]
    [InlineData("least-connections")]
    public async Task RunAsync_BackendKilledAndRestartedUnderLoad_NoClientFailureEjectedAndReadmitted(string policy)
    {
        var options = new FaultOptions
        {
            Policy = policy,
            Concurrency = 4,
            Duration = TimeSpan.FromSeconds(3),
            KillAt = TimeSpan.FromSeconds(0.6),
            RestartAt = TimeSpan.FromSeconds(1.4),
            Ejection = new() { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(0.3) },
        };

        FaultReport report = await FaultScenario.RunAsync(options).WaitAsync(Timeout);

        Assert.True(report.ClientRequests > 0);
        Assert.Equal(0, report.FailedClientRequests);
        Assert.NotNull(report.EjectedAt);
        Assert.Equal(0, report.SentWhileEjected);
        Assert.True(report.Reactivated, report.ToString());
        Assert.True(report.ServedAfterRestart > 0);
        Assert.True(report.FailuresBeforeEjection >= 3, report.ToString());
        Assert.True(report.Proxy.Retries >= report.FailuresBeforeEjection, report.ToString());
        Assert.Equal(0, report.Proxy.BadGateway + report.Proxy.Unavailable + report.Proxy.GatewayTimeout);
        Assert.True(report.EjectedAt < report.RestartedAt && report.RestartedAt <= report.ReadmittedAt, report.ToString());
    }

    [Fact]
    public async Task AllDownAsync_EveryBackendDead_ThreeLearning502sThenOnly503s()
    {
        AllDownReport report = await FaultScenario.AllDownAsync(requests: 40).WaitAsync(Timeout);

        Assert.Equal((40, 3, 37, 0), (report.Requests, report.BadGateway, report.Unavailable, report.Other));
        Assert.Contains("No healthy backend", report.UnavailableBody);
        Assert.NotNull(report.RetryAfter);
        Assert.True(report.MaxUnavailableLatency <= report.MaxLatency);
    }

    [Fact]
    public async Task KillDuringRequestAsync_Post_NotRetriedSeenOnceAnd502()
    {
        InFlightKillReport report = await FaultScenario.KillDuringRequestAsync(HttpMethod.Post).WaitAsync(Timeout);

        Assert.Equal((502, null), (report.Status, report.AnsweredBy));
        Assert.Equal([1L, 0L, 0L], report.SeenBy);
        Assert.Equal(1, report.Deliveries);
        Assert.Contains("POST", report.Body);
    }

    [Fact]
    public async Task KillDuringRequestAsync_Get_RetriedAndAnsweredByAnotherBackend()
    {
        InFlightKillReport report = await FaultScenario.KillDuringRequestAsync(HttpMethod.Get).WaitAsync(Timeout);

        Assert.Equal((200, "backend2"), (report.Status, report.AnsweredBy));
        Assert.Equal([1L, 0L, 1L], report.SeenBy);
    }

    public static TheoryData<FaultOptions, string> BadOptions => new()
    {
        { new FaultOptions { Victim = 3 }, "Victim" },
        { new FaultOptions { RestartAt = TimeSpan.FromSeconds(1) }, "RestartAt" },
        { new FaultOptions { Farm = new FarmOptions { Backends = 1 }, Victim = 0 }, "Farm" },
        { new FaultOptions { Policy = "fastest" }, "Policy" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task RunAsync_BadOptions_ThrowsBeforeStartingAnything(FaultOptions options, string setting)
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => FaultScenario.RunAsync(options).WaitAsync(Timeout));

        Assert.Equal(setting, e.ParamName);
    }
}
