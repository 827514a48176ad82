using Workbook.Exercises;

namespace Workbook.Coroutines;

/// <summary>
/// The check of exercise 04.2: a scheduling policy must keep ready tasks in turn order, keep
/// sleepers out of the ready queue until their tick, wake them exactly on time (earliest first,
/// behind the tasks already waiting), and then drive the real scheduler through whole scenarios
/// step for step like <see cref="RoundRobinPolicy"/>.
/// </summary>
internal static class SleepPolicyCheck
{
    public static string Verify(Func<ISchedulerPolicy> create, CheckContext context)
    {
        TakesTurns(create(), context);
        WakesOnTime(create(), context);
        SleeperDoesNotBlockOthers(create(), context);
        EarliestWakeUpFirst(create(), context);
        WokenTasksJoinTheBack(create(), context);
        int steps = 0;
        foreach (SleepScenario scenario in SleepScenario.All(context.CreateRandom(4)))
        {
            steps += scenario.CompareWithReference(create, context);
        }

        return "5 direct tests of your policy (turn order, waking exactly at wakeAt, sleepers not blocking the queue, earliest wake-up first, "
            + $"woken tasks joining the back) passed, and {SleepScenario.Count} scenarios on the real scheduler ({steps:N0} steps) matched the "
            + "reference step for step, every wake-up on its tick.";
    }

    private static void TakesTurns(ISchedulerPolicy policy, CheckContext context)
    {
        var (a, b, c) = (Task(0, "A"), Task(1, "B"), Task(2, "C"));
        policy.Ready(a);
        policy.Ready(b);
        policy.Ready(c);
        string order = Names(policy, 0, 4);
        context.Require(
            order == "A B C -",
            $"after Ready(A), Ready(B), Ready(C), four calls of Next(0) gave {order}; expected A B C - (- meaning null: nothing left). "
                + "Ready tasks take turns in the order they became ready.");
        context.Require(policy.NextWakeUp is null, $"NextWakeUp is {policy.NextWakeUp} although no task has slept; it must be null.");
    }

    private static void WakesOnTime(ISchedulerPolicy policy, CheckContext context)
    {
        CoTask a = Task(0, "A");
        policy.Sleep(a, 5);
        long? wake = policy.NextWakeUp;
        context.Require(
            wake == 5,
            wake is null
                ? "after Sleep(A, wakeAt: 5), NextWakeUp is null. The scheduler asks NextWakeUp how far to jump its clock when nothing is ready; "
                    + "null tells it that nothing will ever wake, so it gives up (stalls) with A still asleep."
                : $"after Sleep(A, wakeAt: 5), NextWakeUp is {wake}; expected 5, the wakeAt of the only sleeper.");
        CoTask? early = policy.Next(0);
        context.Require(
            early is null,
            ReferenceEquals(early, a)
                ? "Next(0) returned A right after Sleep(A, wakeAt: 5): your policy does not make sleepers wait at all (5 ticks early)."
                : $"Next(0) returned {early?.Name} although only A exists and it sleeps.");
        CoTask? almost = policy.Next(4);
        context.Require(
            almost is null,
            $"Next(4) returned {almost?.Name} but A sleeps until tick 5: it woke one tick early. A sleeper is due when wakeAt <= now; at tick 4 that is 5 <= 4, false.");
        CoTask? due = policy.Next(5);
        if (due is null)
        {
            long lateTick = 6;
            CoTask? late = policy.Next(lateTick);
            if (late is null)
            {
                lateTick = 1_000;
                late = policy.Next(lateTick);
            }

            context.Fail(late is null
                ? "A never woke: after Sleep(A, wakeAt: 5), Next(5), Next(6) and Next(1000) all returned null. Once now >= wakeAt, a sleeper must go back "
                    + "into the ready queue (Next should move it there before it picks the front task)."
                : $"Next(5) returned null and A came back only at Next({lateTick}): it woke late. A sleeper is due when wakeAt <= now (5 <= 5 is true), not wakeAt < now.");
        }

        context.Require(ReferenceEquals(due, a), $"Next(5) returned {due.Name}; expected A, the only task, which is due at 5.");
        CoTask? again = policy.Next(5);
        context.Require(again is null, $"after A woke and was returned by Next(5), the next Next(5) returned {again?.Name}: a woken task must leave the sleepers (and be returned once).");
        context.Require(policy.NextWakeUp is null, $"after A woke, NextWakeUp still says {policy.NextWakeUp}: remove woken tasks from the sleepers.");
    }

    private static void SleeperDoesNotBlockOthers(ISchedulerPolicy policy, CheckContext context)
    {
        var (a, b) = (Task(0, "A"), Task(1, "B"));
        policy.Sleep(a, 3);
        policy.Ready(b);
        CoTask? first = policy.Next(1);
        context.Require(
            first is not null,
            "after Sleep(A, wakeAt: 3) and Ready(B), Next(1) returned null although B was ready. Your policy lets the sleeping A keep its place at the front "
                + "of the queue, so every task behind it starves until A wakes: the scheduler can only idle (a sleeping task that busy-waits at the front). "
                + "Keep sleepers out of the ready queue until they are due.");
        context.Require(
            ReferenceEquals(first, b),
            $"after Sleep(A, wakeAt: 3) and Ready(B), Next(1) returned {first.Name}; expected B (A sleeps until tick 3).");
        CoTask? none = policy.Next(2);
        context.Require(none is null, $"Next(2) returned {none?.Name}, but B had already run and A sleeps until tick 3.");
        CoTask? woken = policy.Next(3);
        context.Require(ReferenceEquals(woken, a), $"Next(3) returned {woken?.Name ?? "null"}; expected A, due at tick 3.");
    }

    private static void EarliestWakeUpFirst(ISchedulerPolicy policy, CheckContext context)
    {
        var (a, b) = (Task(0, "A"), Task(1, "B"));
        policy.Sleep(a, 9);
        policy.Sleep(b, 4);
        long? wake = policy.NextWakeUp;
        context.Require(
            wake == 4,
            $"after Sleep(A, wakeAt: 9) and then Sleep(B, wakeAt: 4), NextWakeUp is {wake?.ToString() ?? "null"}; expected 4. It is the EARLIEST wakeAt of all "
                + "sleepers, whatever order they went to sleep in.");
        CoTask? atFour = policy.Next(4);
        context.Require(
            ReferenceEquals(atFour, b),
            atFour is null
                ? "after Sleep(A, wakeAt: 9) and Sleep(B, wakeAt: 4), Next(4) returned null: B is due but stuck behind A, which slept first and is due only at 9. "
                    + "A plain queue of sleepers only looks at the one that slept first; order sleepers by wakeAt (a PriorityQueue)."
                : $"after Sleep(A, wakeAt: 9) and Sleep(B, wakeAt: 4), Next(4) returned {atFour.Name}; expected B.");
        CoTask? atEight = policy.Next(8);
        context.Require(atEight is null, $"Next(8) returned {atEight?.Name}, but A sleeps until tick 9.");
        CoTask? atNine = policy.Next(9);
        context.Require(ReferenceEquals(atNine, a), $"Next(9) returned {atNine?.Name ?? "null"}; expected A, due at tick 9.");
    }

    private static void WokenTasksJoinTheBack(ISchedulerPolicy policy, CheckContext context)
    {
        var (a, b, c, d) = (Task(0, "A"), Task(1, "B"), Task(2, "C"), Task(3, "D"));
        policy.Ready(c);
        policy.Sleep(a, 5);
        policy.Sleep(b, 5);
        policy.Ready(d);
        string order = Names(policy, 5, 5);
        context.Require(
            order == "C D A B -",
            $"after Ready(C), Sleep(A, 5), Sleep(B, 5), Ready(D), five calls of Next(5) gave {order}; expected C D A B -. Tasks that wake join the BACK "
                + "of the ready queue, behind C and D, which were waiting already; sleepers due at the same tick wake in the order they went to sleep (A before B).");
    }

    private static CoTask Task(int id, string name) => CoTask.Detached(id, name);

    /// <summary>Calls Next(now) <paramref name="calls"/> times; "-" stands for null.</summary>
    private static string Names(ISchedulerPolicy policy, long now, int calls) =>
        string.Join(' ', Enumerable.Range(0, calls).Select(_ => policy.Next(now)?.Name ?? "-"));
}
