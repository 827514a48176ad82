using Microsoft.Extensions.Time.Testing;
using Workbook.Balancing.Farm;

namespace Workbook.Tests.Balancing.Farm;

public sealed class ForwardDeadlineTests
{
    [Fact]
    public void Token_ClientGoesAway_IsCancelled()
    {
        using var client = new CancellationTokenSource();
        using var deadline = new ForwardDeadline(client.Token, TimeSpan.FromMinutes(5), TimeProvider.System);
        Assert.False(deadline.Token.IsCancellationRequested);

        client.Cancel();

        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void Token_InjectedClockPassesTheTimeout_IsCancelled()
    {
        var time = new FakeTimeProvider();
        using var deadline = new ForwardDeadline(CancellationToken.None, TimeSpan.FromSeconds(10), time);

        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(deadline.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void Constructor_AfterManyForwardsSomeCancelled_NeverHandsOutACancelledOrLinkedToken()
    {
        // Pooled sources are reused only when uncancelled, and a reused one must not stay tied to an earlier client.
        var earlierClients = new List<CancellationTokenSource>();
        for (int i = 0; i < 500; i++)
        {
            var client = new CancellationTokenSource();
            earlierClients.Add(client);
            var deadline = new ForwardDeadline(client.Token, TimeSpan.FromMinutes(5), TimeProvider.System);
            Assert.False(deadline.Token.IsCancellationRequested, $"forward {i} started with a cancelled token");
            if (i % 3 == 0)
            {
                client.Cancel();
                Assert.True(deadline.Token.IsCancellationRequested);
            }

            deadline.Dispose();
        }

        using var fresh = new ForwardDeadline(CancellationToken.None, TimeSpan.FromMinutes(5), TimeProvider.System);
        earlierClients.ForEach(c => c.Cancel());
        Assert.False(fresh.Token.IsCancellationRequested);
        earlierClients.ForEach(c => c.Dispose());
    }
}
