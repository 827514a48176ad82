// Exercise 07.2: Least connections that always decrements
using System;
using System.Threading;
using Workbook.Balancing;
using Workbook.BalancingExercises;

// Reference solution: the count goes up when a request is picked and down exactly once when its
// ticket ends, whatever the outcome; Interlocked makes both safe on many threads.
public sealed class FewestOutstanding : ILeastConnections
{
    private readonly int[] _outstanding;

    public FewestOutstanding(int backends) => _outstanding = new int[backends];

    public int Count => _outstanding.Length;

    public int Outstanding(int backend) => Volatile.Read(ref _outstanding[backend]);

    public IRequestTicket Pick()
    {
        int best = 0;
        for (int i = 1; i < _outstanding.Length; i++)
        {
            if (Volatile.Read(ref _outstanding[i]) < Volatile.Read(ref _outstanding[best])) best = i;
        }

        Interlocked.Increment(ref _outstanding[best]);
        return new Ticket(this, best);
    }

    private sealed class Ticket(FewestOutstanding owner, int backend) : IRequestTicket
    {
        private int _ended;

        public int Backend => backend;

        // Only the call that flips 0 -> 1 decrements: a using block after Complete, or a racing thread, does nothing.
        public void Complete(RequestOutcome outcome)
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) Interlocked.Decrement(ref owner._outstanding[backend]);
        }

        public void Dispose() => Complete(RequestOutcome.Cancelled);
    }
}
