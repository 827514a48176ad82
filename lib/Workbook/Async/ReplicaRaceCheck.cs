using Workbook.Exercises;

namespace Workbook.Async;

/// <summary>
/// The check of exercise 03.2: the first success wins and the losers are cancelled, a failure does
/// not decide the race, all failing is reported, the timeout ends the race, and so does the caller.
/// </summary>
internal static class ReplicaRaceCheck
{
    private const int Replicas = 3;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_long = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_grace = TimeSpan.FromMilliseconds(300);

    public static string Verify(Func<IReplicaRace> create, CheckContext context)
    {
        CheckWinner(create(), context);
        CheckFailureDoesNotDecide(create(), context);
        CheckAllFail(create(), context);
        CheckTimeout(create(), context);
        CheckCallerCancels(create(), context);
        return "5 rounds: the first replica to answer won and the other two were cancelled; a replica that failed at once did not decide the race; "
            + $"three failures surfaced as an exception; a {s_short.TotalMilliseconds:0} ms timeout ended a silent race with TimeoutException and cancelled every replica; "
            + "and the caller's cancellation ended the race with OperationCanceledException.";
    }

    private static (Task<int> Task, FakeReplica[] Replicas) Start(
        IReplicaRace race, CheckContext context, TimeSpan timeout, CancellationToken token, Exception? firstFailsAtStart = null)
    {
        FakeReplica[] replicas = [.. Enumerable.Range(0, Replicas).Select(i => new FakeReplica(i, i == 0 ? firstFailsAtStart : null))];
        Task<int> task = race.FirstOrTimeoutAsync<int>([.. replicas.Select(r => (Func<CancellationToken, Task<int>>)r.Start)], timeout, token);
        context.Require(task is not null, "FirstOrTimeoutAsync returned null instead of a Task.");
        CheckWaits.Until(() => replicas.All(r => r.Starts > 0) || task.IsCompleted, s_bound, context.CancellationToken);
        int started = replicas.Count(r => r.Starts > 0);
        if (started < Replicas && task.IsFaulted)
        {
            throw task.Exception!;
        }

        context.Require(
            started == Replicas,
            $"only {started} of {Replicas} replicas were started: start every replica first (call each delegate once and keep the tasks), then await the first to finish with Task.WhenAny.");
        FakeReplica? twice = replicas.FirstOrDefault(r => r.Starts > 1);
        context.Require(twice is null, $"replica {twice?.Index} was started {twice?.Starts} times: call each replica's delegate exactly once.");
        return (task, replicas);
    }

    private static void Finish(Task<int> task, FakeReplica[] replicas, CheckContext context, string situation, string hint)
    {
        bool ended = CheckWaits.Ended(task, s_bound, context.CancellationToken);
        if (!ended)
        {
            Array.ForEach(replicas, r => r.Abandon());
        }

        context.Require(ended, $"{situation}, but FirstOrTimeoutAsync had not finished {s_bound.TotalSeconds:0} s later: {hint}");
    }

    private static void CheckWinner(IReplicaRace race, CheckContext context)
    {
        var (task, replicas) = Start(race, context, s_long, context.CancellationToken);
        replicas[1].Succeed(42);
        Finish(task, replicas, context, "replica 1 answered 42", "return as soon as one replica succeeds.");
        if (task.IsFaulted)
        {
            throw task.Exception!;
        }

        context.Require(!task.IsCanceled, "FirstOrTimeoutAsync was cancelled although replica 1 answered and nobody cancelled.");
        context.Require(task.Result == 42, $"FirstOrTimeoutAsync returned {task.Result}, but the only replica that answered (replica 1) said 42.");
        bool cancelled = CheckWaits.Until(() => replicas[0].TokenCancelled && replicas[2].TokenCancelled, TimeSpan.FromSeconds(2), context.CancellationToken);
        string running = string.Join(" and ", replicas.Where(r => r.Index != 1 && !r.TokenCancelled).Select(r => $"replica {r.Index}"));
        Array.ForEach(replicas, r => r.Abandon());
        context.Require(
            cancelled,
            $"FirstOrTimeoutAsync returned replica 1's answer but never cancelled the token of {running}: the losers keep running, and keep the servers busy, "
                + "for an answer nobody wants. Give the replicas the token of a CancellationTokenSource and cancel it once the race is decided (a finally block does it on every path).");
    }

    private static void CheckFailureDoesNotDecide(IReplicaRace race, CheckContext context)
    {
        var (task, replicas) = Start(race, context, s_long, context.CancellationToken, firstFailsAtStart: new ReplicaDownException(0));

        // A wrong answer that lets the first finisher decide ends at once; a right one keeps waiting.
        CheckWaits.Ended(task, s_grace, context.CancellationToken);
        replicas[2].Succeed(7);
        Finish(task, replicas, context, "replica 0 failed and then replica 2 answered 7", "a failed replica is not the end: keep waiting for the others.");
        Array.ForEach(replicas, r => r.Abandon());
        context.Require(
            !(task.IsFaulted && CheckWaits.Errors(task).Any(e => e is ReplicaDownException)),
            "FirstOrTimeoutAsync threw replica 0's ReplicaDownException although replicas 1 and 2 were still running and replica 2 then answered 7: "
                + "the first replica to FINISH is not necessarily the first to SUCCEED. When the task Task.WhenAny gives you has failed, remember its exception, "
                + "drop it from the list and wait for the next one.");
        if (task.IsFaulted)
        {
            throw task.Exception!;
        }

        context.Require(task.IsCompletedSuccessfully && task.Result == 7, $"after replica 0 failed and replica 2 answered 7, FirstOrTimeoutAsync {Outcome(task)}.");
    }

    private static void CheckAllFail(IReplicaRace race, CheckContext context)
    {
        var (task, replicas) = Start(race, context, s_long, context.CancellationToken, firstFailsAtStart: new ReplicaDownException(0));
        replicas[1].Fail(new ReplicaDownException(1));
        replicas[2].Fail(new ReplicaDownException(2));
        Finish(task, replicas, context, $"all {Replicas} replicas failed (and the timeout was {s_long.TotalSeconds:0} s away)", "when the last replica has failed, there is nothing left to wait for: throw.");
        context.Require(
            !task.IsCompletedSuccessfully,
            $"FirstOrTimeoutAsync returned {(task.IsCompletedSuccessfully ? task.Result : 0)} although all {Replicas} replicas failed: that value is made up, and the caller cannot tell. "
                + "Throw instead, e.g. new AggregateException(failures) with the replicas' exceptions.");
        context.Require(
            !CheckWaits.Errors(task).Any(e => e is TimeoutException),
            "FirstOrTimeoutAsync threw TimeoutException although the timeout had not passed: all replicas had failed, so report their exceptions.");
        context.Require(
            CheckWaits.Errors(task).Any(e => e is ReplicaDownException),
            $"when all {Replicas} replicas failed with ReplicaDownException, FirstOrTimeoutAsync {CheckWaits.Describe(task)}: let the caller see the replicas' exceptions.");
    }

    private static void CheckTimeout(IReplicaRace race, CheckContext context)
    {
        var (task, replicas) = Start(race, context, s_short, context.CancellationToken);
        Finish(task, replicas, context, $"no replica answered and the {s_short.TotalMilliseconds:0} ms timeout passed",
            "start a timer for the timeout (CancellationTokenSource.CancelAfter, or a Task.Delay(timeout) that takes part in the Task.WhenAny) and end the race when it fires.");
        bool cancelled = CheckWaits.Until(() => replicas.All(r => r.TokenCancelled), TimeSpan.FromSeconds(2), context.CancellationToken);
        Array.ForEach(replicas, r => r.Abandon());
        context.Require(
            task.IsFaulted && CheckWaits.Errors(task).Any(e => e is TimeoutException),
            $"when the {s_short.TotalMilliseconds:0} ms timeout passed with no answer, FirstOrTimeoutAsync {CheckWaits.Describe(task)}: throw TimeoutException, "
                + "because the caller did not cancel, so OperationCanceledException would tell it the wrong story.");
        context.Require(cancelled, "FirstOrTimeoutAsync timed out but did not cancel the replicas' tokens: give up on them explicitly, or they keep running.");
    }

    private static void CheckCallerCancels(IReplicaRace race, CheckContext context)
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var (task, replicas) = Start(race, context, s_long, caller.Token);
        caller.Cancel();
        Finish(task, replicas, context, "the caller cancelled its token",
            "make the replicas' token source a linked one (CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)), so the caller's cancellation reaches them.");
        Array.ForEach(replicas, r => r.Abandon());
        context.Require(
            CheckWaits.EndedCancelled(task),
            $"when the caller cancelled, FirstOrTimeoutAsync {CheckWaits.Describe(task)}: it should end with OperationCanceledException (cancellationToken.ThrowIfCancellationRequested()).");
    }

    private static string Outcome(Task<int> task) => task.IsCompletedSuccessfully ? $"returned {task.Result}" : CheckWaits.Describe(task);
}
