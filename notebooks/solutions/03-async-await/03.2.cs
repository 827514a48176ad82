// Exercise 03.2: First answer wins, losers are cancelled
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Workbook.Async;

// Reference solution: one linked token source decides the race. It is cancelled by the caller, by
// the timeout (CancelAfter) or, in finally, once a winner is known, and every replica watches it.
// A failed replica only drops out; the race ends on the first success, on the timeout, or when
// nobody is left.
public sealed class ReplicaRace : IReplicaRace
{
    public async Task<T> FirstOrTimeoutAsync<T>(
        IReadOnlyList<Func<CancellationToken, Task<T>>> replicas,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        race.CancelAfter(timeout);
        List<Task<T>> running = replicas.Select(start => start(race.Token)).ToList();

        // Completes when the race is cancelled, so a replica that ignores its token cannot hang us.
        Task ended = Task.Delay(Timeout.Infinite, race.Token);
        var failures = new List<Exception>();
        try
        {
            while (running.Count > 0)
            {
                Task first = await Task.WhenAny(running.Append<Task>(ended));
                if (first == ended)
                {
                    break;
                }

                var done = (Task<T>)first;
                running.Remove(done);
                if (done.IsCompletedSuccessfully)
                {
                    return done.Result;
                }

                if (done.Exception is { } error)
                {
                    failures.AddRange(error.InnerExceptions);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (race.IsCancellationRequested)
            {
                throw new TimeoutException($"No replica answered within {timeout.TotalMilliseconds:0} ms.");
            }

            throw new AggregateException("Every replica failed.", failures);
        }
        finally
        {
            // The losers (or everyone, on timeout) stop here, on every path out.
            race.Cancel();
        }
    }
}
