using Workbook.Exercises;
using static Workbook.Capstone.CheckWaits;

namespace Workbook.Capstone;

/// <summary>
/// The check of checkpoint 09.2: capacity counts waiting jobs only, a full queue refuses at once,
/// no more than the consumers run at a time, every accepted job ends exactly once, cancelled jobs are
/// skipped, a failing job does not kill its consumer, and disposal leaves nothing unfinished.
/// </summary>
internal static class AdmissionCheck
{
    private const int Capacity = 3;
    private const int Consumers = 2;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ChanceToMisbehave = TimeSpan.FromMilliseconds(500);

    public static string Verify(Func<IAdmissionQueue> create, CheckContext context)
    {
        BoundsTheQueueAndTheConsumers(create(), context);
        SkipsCancelledJobsAndSurvivesFailures(create(), context);
        FinishesEverythingOnDispose(create(), context);
        return $"with capacity {Capacity} and {Consumers} consumers, {Consumers} jobs ran while exactly {Capacity} waited and the next was refused at once; "
            + $"never more than {Consumers} ran together; every accepted job finished exactly once with work's result; a job whose request was "
            + "cancelled while it waited was skipped; a failing job failed alone; and disposal left nothing unfinished.";
    }

    private static void BoundsTheQueueAndTheConsumers(IAdmissionQueue queue, CheckContext context)
    {
        var work = new CheckWork();
        var accepted = new List<(int Key, Task<long> Task)>();
        Using(queue, work, context, () =>
        {
            queue.Start(Capacity, Consumers, work.RunAsync);
            for (int key = 1; key <= Consumers; key++)
            {
                Task<long>? task = queue.TryEnqueue(key, CancellationToken.None);
                context.Require(task is not null, $"job {key} was refused by a queue holding {key - 1} jobs (capacity {Capacity}): only refuse when {Capacity} are waiting.");
                accepted.Add((key, task));
            }

            context.Require(work.WaitEntered(Consumers, Patience),
                $"after {Consumers} jobs, work had been called for only {work.Entered} of them within 3 s: start {Consumers} consumer loops that take jobs and run work.");
            for (int key = Consumers + 1; key <= Consumers + Capacity; key++)
            {
                Task<long>? task = queue.TryEnqueue(key, CancellationToken.None);
                context.Require(task is not null,
                    $"job {key} was refused although only {key - Consumers - 1} jobs were waiting (capacity {Capacity}): the {Consumers} jobs being worked on do not count.");
                accepted.Add((key, task));
            }

            // An answer that starts a task per job instead of awaiting each one gets the chance to show it here.
            work.WaitEntered(Consumers + 1, ChanceToMisbehave);
            context.Require(work.Peak <= Consumers,
                $"work ran for {work.Peak} jobs at the same time, but there are only {Consumers} consumers: each consumer must await its job before "
                + "taking the next one. Firing off a task per job removes the limit that protects the workers.");

            int refusedKey = Consumers + Capacity + 1;
            Task<long>? refused = CallWithin(() => new Box(queue.TryEnqueue(refusedKey, CancellationToken.None)), Patience, context.CancellationToken) is { } box
                ? box.Task
                : throw new ExerciseFailedException("TryEnqueue did not return for 3 s when the queue was full: it waited for room. Use TryWrite, which "
                    + "refuses at once, so the front end can answer 503 now instead of holding the request in an ever longer line.");
            context.Require(refused is null,
                $"job {refusedKey} was accepted while {Capacity} jobs were already waiting (capacity {Capacity}): the queue is unbounded, or it throws "
                + "an older job away to make room (BoundedChannelFullMode.DropOldest, DropNewest or DropWrite). A full queue must refuse: return null.");

            work.Open();
            foreach ((int key, Task<long> task) in accepted)
            {
                context.Require(Settles(task, Settle, context.CancellationToken),
                    $"job {key} was accepted but never finished within 5 s: was it thrown away, or is no consumer reading any more?");
                context.Require(task.IsCompletedSuccessfully && task.Result == CheckWork.ValueFor(key),
                    $"job {key} {Describe(task)}; work returned {CheckWork.ValueFor(key)} for it.");
            }

            int[] twice = [.. work.Calls.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key)];
            context.Require(twice.Length == 0, $"work ran more than once for job {(twice.Length > 0 ? twice[0] : 0)}: each accepted job must be run exactly once.");
            context.Require(work.Peak <= Consumers, $"work ran for {work.Peak} jobs at the same time with {Consumers} consumers.");
        });
    }

    private static void SkipsCancelledJobsAndSurvivesFailures(IAdmissionQueue queue, CheckContext context)
    {
        var work = new CheckWork(failingKeys: 22);
        Using(queue, work, context, () =>
        {
            queue.Start(4, 1, work.RunAsync);
            Task<long> busy = queue.TryEnqueue(20, CancellationToken.None) ?? throw new ExerciseFailedException("an empty queue refused a job.");
            context.Require(work.WaitEntered(1, Patience), "the only consumer did not start work within 3 s.");
            using var gaveUp = new CancellationTokenSource();
            Task<long>? skipped = queue.TryEnqueue(21, gaveUp.Token);
            Task<long>? failing = queue.TryEnqueue(22, CancellationToken.None);
            Task<long>? after = queue.TryEnqueue(23, CancellationToken.None);
            context.Require(skipped is not null && failing is not null && after is not null, "a queue with capacity 4 refused one of 3 waiting jobs.");
            gaveUp.Cancel();
            work.Open();
            foreach (Task<long> task in new[] { busy, skipped, failing, after })
            {
                Settles(task, Settle, context.CancellationToken);
            }

            context.Require(!work.Calls.Contains(21),
                "work was called for job 21 although its request had been cancelled while the job waited: check the job's token before running it. "
                + "An overloaded service must not spend CPU on answers nobody will read.");
            context.Require(skipped.IsCanceled, $"job 21's request was cancelled while it waited, so its task should end cancelled; it {Describe(skipped)}.");
            context.Require(failing.IsFaulted && ErrorOf(failing) is InvalidOperationException,
                $"work threw InvalidOperationException for job 22, but the job's task {Describe(failing)}: pass the exception on (TrySetException).");
            context.Require(after.IsCompletedSuccessfully,
                $"after work threw for job 22, job 23 {Describe(after)}: one failing job must not end its consumer's loop (catch, record, carry on).");
        });
    }

    private static void FinishesEverythingOnDispose(IAdmissionQueue queue, CheckContext context)
    {
        var work = new CheckWork();
        queue.Start(4, 1, work.RunAsync);
        Task<long>[] jobs = [.. new[] { 30, 31, 32 }.Select(k => queue.TryEnqueue(k, CancellationToken.None) ?? Task.FromResult(-1L))];
        context.Require(work.WaitEntered(1, Patience), "the only consumer did not start work within 3 s.");
        Task disposing = Task.Run(() => queue.DisposeAsync().AsTask());
        work.Open();
        context.Require(Settles(disposing, Settle, context.CancellationToken), "DisposeAsync did not finish within 5 s after the work was released.");
        int open = Array.FindIndex(jobs, j => !Settles(j, TimeSpan.FromMilliseconds(200), context.CancellationToken));
        context.Require(open < 0,
            $"after DisposeAsync, job {30 + open} had still not finished: cancel the jobs that are still waiting (or let the consumers finish them) "
            + "so nobody waits for an answer that never comes.");
    }

    /// <summary>Runs a scenario, then disposes the queue; if the scenario failed, that failure is the one reported.</summary>
    private static void Using(IAdmissionQueue queue, CheckWork work, CheckContext context, Action scenario)
    {
        try
        {
            scenario();
        }
        catch
        {
            work.Open();
            try
            {
                Task.Run(() => queue.DisposeAsync().AsTask()).Wait(Settle);
            }
            catch (Exception)
            {
                // The scenario's failure is the one to report, not a second one from disposal.
            }

            throw;
        }

        work.Open();
        DisposeWithin(queue, context);
    }

    private static void DisposeWithin(IAdmissionQueue queue, CheckContext context)
    {
        Task disposing = Task.Run(() => queue.DisposeAsync().AsTask());
        context.Require(Settles(disposing, Settle, context.CancellationToken), "DisposeAsync did not finish within 5 s.");
        if (disposing.Exception is { } error)
        {
            throw error.InnerExceptions[0];
        }
    }

    /// <summary>Carries a possibly-null task out of a call made on another thread.</summary>
    private sealed record Box(Task<long>? Task);
}
