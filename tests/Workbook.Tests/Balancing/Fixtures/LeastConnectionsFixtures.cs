using Workbook.Balancing;
using Workbook.BalancingExercises;

namespace Workbook.Tests.Balancing.Fixtures;

// Exercise 07.2 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
public sealed class FewestOutstandingStub : ILeastConnections
{
    private readonly int[] _outstanding;

    public FewestOutstandingStub(int backends) => _outstanding = new int[backends];

    public int Count => _outstanding.Length;

    public int Outstanding(int backend) => Volatile.Read(ref _outstanding[backend]);

    public IRequestTicket Pick()
    {
        // TODO: choose the backend with the fewest outstanding requests, count this request on it,
        // and return a ticket whose Complete and Dispose take it off again, exactly once.
        throw new NotImplementedException();
    }
}

/// <summary>Shared body of the wrong answers: the subclasses get one thing wrong each.</summary>
public abstract class LeastConnectionsFixture(int backends) : ILeastConnections
{
    protected readonly int[] Counts = new int[backends];

    public int Count => Counts.Length;

    public int Outstanding(int backend) => Volatile.Read(ref Counts[backend]);

    public IRequestTicket Pick()
    {
        int chosen = Choose();
        Interlocked.Increment(ref Counts[chosen]);
        return new Ticket(this, chosen);
    }

    // Correct unless overridden: the backend with the fewest outstanding requests.
    protected virtual int Choose()
    {
        int best = 0;
        for (int i = 1; i < Counts.Length; i++)
        {
            if (Volatile.Read(ref Counts[i]) < Volatile.Read(ref Counts[best])) best = i;
        }

        return best;
    }

    // Correct unless overridden: exactly one decrement per ticket, whatever the outcome.
    protected virtual void End(Ticket ticket, RequestOutcome outcome)
    {
        if (Interlocked.Exchange(ref ticket.Ended, 1) == 0)
        {
            Interlocked.Decrement(ref Counts[ticket.Backend]);
        }
    }

    public sealed class Ticket(LeastConnectionsFixture owner, int backend) : IRequestTicket
    {
        public int Ended;

        public int Backend => backend;

        public int[] Counts => owner.Counts;

        public void Complete(RequestOutcome outcome) => owner.End(this, outcome);

        public void Dispose() => owner.End(this, RequestOutcome.Cancelled);
    }
}

// Wrong answer: the balancer that never decrements; every request counts forever.
public sealed class NeverDecrements() : LeastConnectionsFixture(4)
{
    protected override void End(Ticket ticket, RequestOutcome outcome)
    {
    }
}

// Wrong answer: only successes decrement; failures and cancellations leak.
public sealed class DecrementsOnlyOnSuccess() : LeastConnectionsFixture(4)
{
    protected override void End(Ticket ticket, RequestOutcome outcome)
    {
        if (outcome == RequestOutcome.Success)
        {
            base.End(ticket, outcome);
        }
    }
}

// Wrong answer: every ending decrements, so Complete followed by Dispose (a using block) subtracts twice.
public sealed class DecrementsOnEveryEnding() : LeastConnectionsFixture(4)
{
    protected override void End(Ticket ticket, RequestOutcome outcome) => Interlocked.Decrement(ref Counts[ticket.Backend]);
}

// Wrong answer: a flipped comparison picks the backend with the MOST outstanding requests.
public sealed class PicksMostLoaded() : LeastConnectionsFixture(4)
{
    protected override int Choose()
    {
        int best = 0;
        for (int i = 1; i < Counts.Length; i++)
        {
            if (Counts[i] > Counts[best]) best = i;
        }

        return best;
    }
}

// Wrong answer: the pick is never counted, so every backend always looks idle.
public sealed class NeverIncrements : ILeastConnections
{
    public int Count => 4;

    public int Outstanding(int backend) => 0;

    public IRequestTicket Pick() => new NoOpTicket();

    private sealed class NoOpTicket : IRequestTicket
    {
        public int Backend => 0;

        public void Complete(RequestOutcome outcome)
        {
        }

        public void Dispose()
        {
        }
    }
}
