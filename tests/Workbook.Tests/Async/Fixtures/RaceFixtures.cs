using Workbook.Async;

namespace Workbook.Tests.Async.Fixtures;

// Exercise 03.2 as the notebook's stub cell shows it.
public sealed class ReplicaRaceStub : IReplicaRace
{
    public Task<T> FirstOrTimeoutAsync<T>(IReadOnlyList<Func<CancellationToken, Task<T>>> replicas, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: the first replica to finish decides, even when it failed.
public sealed class FirstFinisherRace : IReplicaRace
{
    public async Task<T> FirstOrTimeoutAsync<T>(IReadOnlyList<Func<CancellationToken, Task<T>>> replicas, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        race.CancelAfter(timeout);
        try
        {
            Task<T> first = await Task.WhenAny(replicas.Select(r => r(race.Token)));
            return await first;
        }
        finally
        {
            race.Cancel();
        }
    }
}

// Wrong answer: right winner and timeout, but the losers are never told to stop.
public sealed class NoCancelRace : IReplicaRace
{
    public async Task<T> FirstOrTimeoutAsync<T>(IReadOnlyList<Func<CancellationToken, Task<T>>> replicas, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var running = replicas.Select(r => r(cancellationToken)).ToList();
        var failures = new List<Exception>();
        Task expired = Task.Delay(timeout, cancellationToken);
        while (running.Count > 0)
        {
            Task first = await Task.WhenAny(running.Append<Task>(expired));
            if (first == expired)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException();
            }

            var done = (Task<T>)first;
            running.Remove(done);
            if (done.IsCompletedSuccessfully)
            {
                return done.Result;
            }

            failures.Add(done.Exception!.GetBaseException());
        }

        throw new AggregateException(failures);
    }
}

// Wrong answer: cancels the losers, but has no timeout at all.
public sealed class IgnoresTimeoutRace : IReplicaRace
{
    public async Task<T> FirstOrTimeoutAsync<T>(IReadOnlyList<Func<CancellationToken, Task<T>>> replicas, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = replicas.Select(r => r(race.Token)).ToList();
        var failures = new List<Exception>();
        try
        {
            while (running.Count > 0)
            {
                var done = await Task.WhenAny(running);
                running.Remove(done);
                if (done.IsCompletedSuccessfully)
                {
                    return done.Result;
                }

                if (done.Exception is { } error)
                {
                    failures.Add(error.GetBaseException());
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new AggregateException(failures);
        }
        finally
        {
            race.Cancel();
        }
    }
}

// Wrong answer: swallows failures and returns default when nothing succeeded.
public sealed class SwallowingRace : IReplicaRace
{
    public async Task<T> FirstOrTimeoutAsync<T>(IReadOnlyList<Func<CancellationToken, Task<T>>> replicas, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        race.CancelAfter(timeout);
        var running = replicas.Select(r => r(race.Token)).ToList();
        try
        {
            while (running.Count > 0)
            {
                var done = await Task.WhenAny(running);
                running.Remove(done);
                if (done.IsCompletedSuccessfully)
                {
                    return done.Result;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (race.IsCancellationRequested)
            {
                throw new TimeoutException();
            }

            return default!;
        }
        finally
        {
            race.Cancel();
        }
    }
}
