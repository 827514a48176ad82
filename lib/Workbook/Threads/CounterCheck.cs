using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Threads;

/// <summary>The check of exercise 01.1: a counter must count every increment made by many threads at once.</summary>
internal static class CounterCheck
{
    private const int Rounds = 3;
    private const long IncrementsPerRound = 2_000_000;

    public static string Verify(Func<ICounter> create, CheckContext context)
    {
        // One thread first: a plain logic error deserves its own message, not a race verdict.
        ICounter single = create();
        long initial = single.Value;
        context.Require(initial == 0, $"a new counter's Value is {Count(initial)}; it should start at 0.");
        for (int i = 0; i < 3; i++)
        {
            single.Increment();
        }

        long afterThree = single.Value;
        context.Require(afterThree == 3, $"after 3 calls of Increment on one thread, Value is {Count(afterThree)}; expected 3.");

        int threads = context.ThreadCount;
        int perThread = (int)Math.Max(100_000, IncrementsPerRound / threads);
        long expected = (long)threads * perThread;
        for (int round = 1; round <= Rounds; round++)
        {
            ICounter counter = create();

            // All threads pass a start gate together and hammer one counter: the overlap that exposes lost updates.
            context.RunThreads(threads, _ =>
            {
                for (int i = 0; i < perThread; i++)
                {
                    counter.Increment();
                }
            });

            long counted = counter.Value;
            if (counted < expected)
            {
                context.Fail(
                    $"expected {Count(expected)} increments ({threads} threads × {Count(perThread)}, round {round} of {Rounds}), "
                    + $"counted {Count(counted)}: {Count(expected - counted)} updates were lost. "
                    + "Two threads read the same old value and both wrote back that value + 1, so one increment vanished.");
            }

            context.Require(
                counted == expected,
                $"expected {Count(expected)} increments ({threads} threads × {Count(perThread)}), but Value says {Count(counted)}: more than were made.");
        }

        return $"{threads} threads × {Count(perThread)} increments, started together, {Rounds} rounds: "
            + $"all {Count(expected)} increments were counted every time.";
    }
}
