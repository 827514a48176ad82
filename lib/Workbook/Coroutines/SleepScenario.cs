using Workbook.Exercises;

namespace Workbook.Coroutines;

/// <summary>
/// A fixed set of tasks, each a list of instructions, that the 04.2 check runs on the real
/// scheduler twice (reference policy, learner's policy) and compares step by step.
/// </summary>
internal sealed class SleepScenario
{
    /// <summary>How many scenarios <see cref="All"/> returns.</summary>
    public const int Count = 2;

    private readonly (string Name, Step[] Steps)[] _tasks;

    private SleepScenario(string name, (string Name, Step[] Steps)[] tasks)
    {
        Name = name;
        _tasks = tasks;
    }

    public string Name { get; }

    /// <summary>A breakfast (sleeps of different lengths, a task waiting for two others, one that keeps yielding) and a seeded random mix.</summary>
    public static IEnumerable<SleepScenario> All(Random random)
    {
        yield return new SleepScenario("breakfast", [
            ("kettle", [Step.Sleep(6), Step.Yield]),
            ("toaster", [Step.Sleep(3), Step.Sleep(2)]),
            ("chatter", [.. Enumerable.Repeat(Step.Yield, 8)]),
            ("breakfast", [Step.WaitFor(0), Step.WaitFor(1), Step.Yield]),
        ]);

        // Each task only waits for tasks spawned before it, so the random mix can never deadlock.
        var tasks = new (string, Step[])[6];
        for (int t = 0; t < tasks.Length; t++)
        {
            var steps = new Step[14];
            for (int s = 0; s < steps.Length; s++)
            {
                int roll = random.Next(100);
                steps[s] = roll switch
                {
                    < 45 => Step.Yield,
                    < 85 => Step.Sleep(random.Next(0, 6)),
                    _ when t > 0 => Step.WaitFor(random.Next(t)),
                    _ => Step.Sleep(1),
                };
            }

            tasks[t] = ($"task {t}", steps);
        }

        yield return new SleepScenario("random mix (6 tasks)", tasks);
    }

    /// <summary>Runs the scenario with both policies; fails the check at the first difference. Returns the steps compared.</summary>
    public int CompareWithReference(Func<ISchedulerPolicy> create, CheckContext context)
    {
        ScheduleReport expected = Run(new RoundRobinPolicy(), CooperativeScheduler.DefaultMaxSteps, context);
        ScheduleReport actual;
        try
        {
            actual = Run(create(), (expected.Steps.Count * 2) + 100, context);
        }
        catch (SchedulerPolicyException error)
        {
            context.Fail($"in the '{Name}' scenario on the real scheduler, {error.Message}. Runs so far: {Around(error.Report, error.Report.Steps.Count)}.");
            return 0;
        }

        int common = Math.Min(expected.Steps.Count, actual.Steps.Count);
        for (int i = 0; i < common; i++)
        {
            ScheduleStep want = expected.Steps[i];
            ScheduleStep got = actual.Steps[i];
            if (want.Task != got.Task || want.Tick != got.Tick)
            {
                context.Fail($"in the '{Name}' scenario, step {i} ran '{got.Task}' at tick {got.Tick}; the reference runs '{want.Task}' at tick {want.Tick}. "
                    + $"Reference: {Around(expected, i)}. Yours: {Around(actual, i)}.");
            }
        }

        context.Require(
            actual.Outcome == ScheduleOutcome.Completed,
            $"in the '{Name}' scenario your scheduler ended {actual.Outcome} after {actual.Steps.Count} steps (the reference completes in {expected.Steps.Count}). "
                + (actual.StallReason ?? string.Empty));
        context.Require(
            actual.Steps.Count == expected.Steps.Count,
            $"in the '{Name}' scenario your scheduler ran {actual.Steps.Count} steps; the reference runs {expected.Steps.Count}.");
        return actual.Steps.Count;
    }

    private ScheduleReport Run(ISchedulerPolicy policy, int maxSteps, CheckContext context)
    {
        var scheduler = new CooperativeScheduler(policy);
        var handles = new CoTask[_tasks.Length];
        for (int i = 0; i < _tasks.Length; i++)
        {
            handles[i] = scheduler.Spawn(_tasks[i].Name, Body(_tasks[i].Steps, handles));
        }

        return scheduler.Run(maxSteps, context.CancellationToken);
    }

    private static IEnumerable<Instruction> Body(Step[] steps, CoTask[] handles)
    {
        foreach (Step step in steps)
        {
            yield return step.Kind switch
            {
                StepKind.Sleep => Instruction.Sleep(step.Argument),
                StepKind.WaitFor => Instruction.WaitFor(handles[step.Argument]),
                _ => Instruction.Yield,
            };
        }
    }

    /// <summary>The steps near <paramref name="index"/> as "tick:task" pairs.</summary>
    private static string Around(ScheduleReport report, int index)
    {
        int from = Math.Max(0, index - 6);
        var shown = report.Steps.Skip(from).Take(Math.Min(index + 2, report.Steps.Count) - from).Select(s => $"{s.Tick}:{s.Task}");
        return (from > 0 ? "… " : string.Empty) + string.Join(" ", shown);
    }

    private enum StepKind
    {
        Yield,
        Sleep,
        WaitFor,
    }

    private readonly record struct Step(StepKind Kind, int Argument)
    {
        public static Step Yield => new(StepKind.Yield, 0);

        public static Step Sleep(int ticks) => new(StepKind.Sleep, ticks);

        public static Step WaitFor(int task) => new(StepKind.WaitFor, task);
    }
}
