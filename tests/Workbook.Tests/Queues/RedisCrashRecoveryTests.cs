using System.Diagnostics;
using Workbook.Queues;
using Xunit.Abstractions;

namespace Workbook.Tests.Queues;

public class RedisCrashRecoveryTests(ITestOutputHelper output)
{
    [RedisFact]
    public async Task RunAsync_TenThousandMessagesConsumerACrashes_NothingLostNothingPending()
    {
        await using var queue = await MessageQueues.OpenAsync("crash-" + Guid.NewGuid().ToString("N"), QueueBackend.Redis).Within();
        var options = new CrashRecoveryOptions { Messages = 10_000 };
        var clock = Stopwatch.StartNew();

        var report = await CrashRecoveryScenario.RunAsync(queue, options).Within();

        output.WriteLine(report.ToString());
        output.WriteLine($"total including publishing: {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.IsType<RedisStreamQueue>(queue);
        Assert.Equal(10_000, report.Published);
        Assert.Equal(10_000, report.ProcessedUnique);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Unexpected);
        Assert.Equal(0, report.PendingAtEnd);
        Assert.Equal(0, report.EffectsAppliedTwice);
        Assert.True(report.Duplicates >= 0);
        // What A applied but never acknowledged must have come back and been recognised.
        Assert.True(report.Duplicates >= options.HandledBeforeCrash, report.ToString());
        Assert.Equal(options.BatchSize, report.HeldByCrashedConsumer);
        Assert.Equal(10_000, report.Consumers.Sum(c => c.Applied));
        Assert.All(report.Consumers, c => Assert.NotEmpty(c.Timeline));
    }
}
