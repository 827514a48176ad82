using Workbook.Coroutines;

namespace Workbook.Tests.Coroutines;

public sealed class CooperativeSchedulerTests
{
    private static IEnumerable<Instruction> Yields(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return Instruction.Yield;
        }
    }

    private static IEnumerable<Instruction> Once(Instruction instruction)
    {
        yield return instruction;
    }

    [Fact]
    public void Run_ThreeYieldingTasks_TakeTurnsRoundRobin()
    {
        var scheduler = new CooperativeScheduler();
        foreach (string name in new[] { "A", "B", "C" })
        {
            scheduler.Spawn(name, Yields(3));
        }

        ScheduleReport report = scheduler.Run();

        Assert.Equal(ScheduleOutcome.Completed, report.Outcome);
        Assert.Equal("A B C A B C A B C A B C", report.OrderText);
        Assert.Equal(12, report.EndTick);
        Assert.Equal(0, report.IdleTicks);
        Assert.Equal(10, report.Task("A").FinishedAt);
        Assert.All(report.Tasks, t => Assert.Equal(CoTaskState.Completed, t.State));
    }

    [Fact]
    public void Run_LoneSleeper_ClockJumpsToItsWakeUp()
    {
        var scheduler = new CooperativeScheduler();
        scheduler.Spawn("A", Once(Instruction.Sleep(3)));

        ScheduleReport report = scheduler.Run();

        // Ran at tick 0, so it may run again at 0 + 1 + 3 = 4; ticks 1..3 are idle.
        Assert.Equal([0L, 4L], report.RunTicks("A"));
        Assert.Equal(5, report.EndTick);
        Assert.Equal(3, report.IdleTicks);
        Assert.Contains(new TaskPeriod("A", TaskActivity.Sleeping, 1, 4), report.Periods);
    }

    [Fact]
    public void Run_SleeperDueWhileOthersReady_JoinsBehindThem()
    {
        var scheduler = new CooperativeScheduler();
        scheduler.Spawn("A", Once(Instruction.Sleep(3)));
        scheduler.Spawn("B", Yields(5));

        ScheduleReport report = scheduler.Run();

        // A is due at tick 4, but B (which yielded at tick 3) is already queued: B runs at 4, A at 5.
        Assert.Equal([0L, 5L], report.RunTicks("A"));
        Assert.Equal([1L, 2L, 3L, 4L, 6L, 7L], report.RunTicks("B"));
        Assert.Contains(new TaskPeriod("A", TaskActivity.Ready, 4, 5), report.Periods);
    }

    [Fact]
    public void Run_WaitFor_WaiterRunsOnlyAfterTheTaskFinished()
    {
        var scheduler = new CooperativeScheduler();
        CoTask kettle = scheduler.Spawn("kettle", Once(Instruction.Sleep(2)));
        CoTask breakfast = scheduler.Spawn("breakfast", Once(Instruction.WaitFor(kettle)));

        ScheduleReport report = scheduler.Run();

        Assert.Equal([0L, 3L], report.RunTicks("kettle"));
        Assert.Equal(4, kettle.FinishedAt);
        Assert.Equal([1L, 4L], report.RunTicks("breakfast"));
        Assert.Equal(5, breakfast.FinishedAt);
        Assert.Contains(new TaskPeriod("breakfast", TaskActivity.Waiting, 2, 4), report.Periods);
        Assert.Equal(
            ["tick 0: kettle → sleep 2", "tick 1: breakfast → wait for kettle", "tick 3: kettle → done", "tick 4: breakfast → done"],
            report.Steps.Select(s => s.ToString()));
    }

    [Fact]
    public void Run_WaitForFinishedTask_ContinuesAtItsNextTurn()
    {
        var scheduler = new CooperativeScheduler();
        CoTask quick = scheduler.Spawn("quick", Yields(0));
        var handles = new CoTask[1];
        scheduler.Spawn("late", WaitTwice(handles));
        handles[0] = quick;

        ScheduleReport report = scheduler.Run();

        Assert.Equal("quick late late", report.OrderText);
        Assert.Equal(CoTaskState.Completed, report.Task("late").State);

        static IEnumerable<Instruction> WaitTwice(CoTask[] handles)
        {
            yield return Instruction.WaitFor(handles[0]);
        }
    }

    [Fact]
    public void Run_SleepZero_SameOrderAsYield()
    {
        static string Order(Instruction instruction)
        {
            var scheduler = new CooperativeScheduler();
            scheduler.Spawn("A", Enumerable.Repeat(instruction, 3));
            scheduler.Spawn("B", Yields(3));
            return scheduler.Run().OrderText;
        }

        Assert.Equal(Order(Instruction.Yield), Order(Instruction.Sleep(0)));
    }

    [Fact]
    public void Run_TwoTasksWaitingForEachOther_StalledNamingTheCycleAndFinallyBlocksRan()
    {
        var scheduler = new CooperativeScheduler();
        var handles = new CoTask[2];
        var released = new List<string>();
        handles[0] = scheduler.Spawn("A", WaitFor("A", () => handles[1], released));
        handles[1] = scheduler.Spawn("B", WaitFor("B", () => handles[0], released));

        ScheduleReport report = scheduler.Run();

        Assert.Equal(ScheduleOutcome.Stalled, report.Outcome);
        Assert.Contains("deadlock: 'A' waits for 'B', 'B' waits for 'A'", report.StallReason, StringComparison.Ordinal);
        Assert.Equal(["A", "B"], released.Order());
        Assert.All(report.Tasks, t => Assert.Equal(CoTaskState.Abandoned, t.State));

        static IEnumerable<Instruction> WaitFor(string name, Func<CoTask> other, List<string> released)
        {
            try
            {
                yield return Instruction.WaitFor(other());
            }
            finally
            {
                released.Add(name);
            }
        }
    }

    [Fact]
    public void Run_TaskThrows_FaultedAndItsWaiterStillRuns()
    {
        var scheduler = new CooperativeScheduler();
        CoTask failing = scheduler.Spawn("failing", Throws());
        scheduler.Spawn("waiter", Once(Instruction.WaitFor(failing)));

        ScheduleReport report = scheduler.Run();

        Assert.Equal(ScheduleOutcome.Completed, report.Outcome);
        Assert.Equal(CoTaskState.Faulted, failing.State);
        Assert.IsType<InvalidOperationException>(failing.Error);
        Assert.Equal(CoTaskState.Completed, report.Task("waiter").State);
        Assert.Contains("1 failed", report.ToString(), StringComparison.Ordinal);
        Assert.Equal("tick 2: failing → failed", report.Steps.Single(s => s.After == CoTaskState.Faulted).ToString());

        static IEnumerable<Instruction> Throws()
        {
            yield return Instruction.Yield;
            throw new InvalidOperationException("boom");
        }
    }

    [Fact]
    public void Run_EndlessTask_StepLimitReachedAndTaskDisposed()
    {
        var scheduler = new CooperativeScheduler();
        bool released = false;
        scheduler.Spawn("forever", Forever(() => released = true));

        ScheduleReport report = scheduler.Run(maxSteps: 10);

        Assert.Equal(ScheduleOutcome.StepLimitReached, report.Outcome);
        Assert.Equal(10, report.Steps.Count);
        Assert.True(released);
        Assert.Equal(CoTaskState.Abandoned, report.Task("forever").State);

        static IEnumerable<Instruction> Forever(Action onRelease)
        {
            try
            {
                while (true)
                {
                    yield return Instruction.Yield;
                }
            }
            finally
            {
                onRelease();
            }
        }
    }

    [Fact]
    public void Run_CancelledToken_ThrowsAndDisposesTasks()
    {
        var scheduler = new CooperativeScheduler();
        bool released = false;
        scheduler.Spawn("task", Released(() => released = true));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => scheduler.Run(cancellationToken: cancelled.Token));
        Assert.Equal(CoTaskState.Abandoned, scheduler.Tasks[0].State);

        // The task never started, so its iterator had no finally pending yet.
        Assert.False(released);

        static IEnumerable<Instruction> Released(Action onRelease)
        {
            try
            {
                yield return Instruction.Yield;
            }
            finally
            {
                onRelease();
            }
        }
    }

    [Fact]
    public void Run_TaskSpawnsChild_ChildTakesItsTurnAfterTheQueuedTasks()
    {
        var scheduler = new CooperativeScheduler();
        scheduler.Spawn("parent", Parent(scheduler));
        scheduler.Spawn("other", Yields(2));

        ScheduleReport report = scheduler.Run();

        Assert.Equal("parent other child parent other child other", report.OrderText);

        static IEnumerable<Instruction> Parent(CooperativeScheduler scheduler)
        {
            scheduler.Spawn("child", Yields(1));
            yield return Instruction.Yield;
        }
    }

    [Fact]
    public void Run_SameTasksTwice_IdenticalSteps()
    {
        static ScheduleReport RunMix()
        {
            var scheduler = new CooperativeScheduler();
            var random = new Random(11);
            var handles = new List<CoTask>();
            for (int t = 0; t < 5; t++)
            {
                var plan = Enumerable.Range(0, 10).Select(_ => random.Next(3) switch
                {
                    0 => Instruction.Yield,
                    1 => Instruction.Sleep(random.Next(4)),
                    _ => t == 0 ? Instruction.Yield : Instruction.WaitFor(handles[random.Next(t)]),
                }).ToList();
                handles.Add(scheduler.Spawn($"t{t}", plan));
            }

            return scheduler.Run();
        }

        ScheduleReport first = RunMix();
        ScheduleReport second = RunMix();

        Assert.Equal(ScheduleOutcome.Completed, first.Outcome);
        Assert.Equal(first.Steps.Select(s => (s.Tick, s.Task)), second.Steps.Select(s => (s.Tick, s.Task)));
    }

    [Fact]
    public void Run_AnyRun_EveryTaskPeriodsTileItsLifetime()
    {
        var scheduler = new CooperativeScheduler();
        CoTask slow = scheduler.Spawn("slow", [Instruction.Sleep(5), Instruction.Yield]);
        scheduler.Spawn("busy", Yields(4));
        scheduler.Spawn("waiter", [Instruction.WaitFor(slow), Instruction.Sleep(2)]);

        ScheduleReport report = scheduler.Run();

        foreach (CoTask task in report.Tasks)
        {
            var periods = report.Periods.Where(p => p.Task == task.Name).OrderBy(p => p.Start).ToList();
            Assert.Equal(0, periods[0].Start);
            Assert.Equal(task.FinishedAt, periods[^1].End);
            Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
            Assert.Equal(task.Steps, periods.Where(p => p.Activity == TaskActivity.Running).Sum(p => p.Ticks));
        }
    }

    [Fact]
    public void Run_TaskWaitsForItself_FaultedWithClearMessage()
    {
        var scheduler = new CooperativeScheduler();
        var self = new CoTask[1];
        self[0] = scheduler.Spawn("narcissus", Lazy(() => Instruction.WaitFor(self[0])));

        scheduler.Run();

        Assert.Equal(CoTaskState.Faulted, self[0].State);
        Assert.Contains("waits for itself", self[0].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TaskYieldsNull_FaultedNamingTheInstructions()
    {
        var scheduler = new CooperativeScheduler();
        CoTask task = scheduler.Spawn("sloppy", Lazy(() => null!));

        scheduler.Run();

        Assert.Equal(CoTaskState.Faulted, task.State);
        Assert.Contains("yielded null", task.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WaitForTaskOfAnotherScheduler_Faulted()
    {
        var other = new CooperativeScheduler();
        CoTask foreign = other.Spawn("foreign", Yields(1));
        var scheduler = new CooperativeScheduler();
        CoTask task = scheduler.Spawn("confused", Once(Instruction.WaitFor(foreign)));

        scheduler.Run();

        Assert.Equal(CoTaskState.Faulted, task.State);
        Assert.Contains("another scheduler", task.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PolicyReturnsSleeperEarly_ThrowsPolicyExceptionAndDisposes()
    {
        var scheduler = new CooperativeScheduler(new ImpatientPolicy());
        scheduler.Spawn("A", Once(Instruction.Sleep(5)));

        var error = Assert.Throws<SchedulerPolicyException>(() => scheduler.Run());

        Assert.Contains("sleeps until tick 6", error.Message, StringComparison.Ordinal);
        Assert.Equal("A", error.Task);
        Assert.Equal(1, error.Tick);
        Assert.Equal(CoTaskState.Abandoned, scheduler.Tasks[0].State);
    }

    [Fact]
    public void Run_PolicyReturnsTaskTwice_ThrowsPolicyException()
    {
        var scheduler = new CooperativeScheduler(new StutteringPolicy());
        scheduler.Spawn("A", Yields(1));
        scheduler.Spawn("B", Yields(1));

        var error = Assert.Throws<SchedulerPolicyException>(() => scheduler.Run());

        Assert.Contains("queued twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PolicyReturnsForeignTask_ThrowsPolicyException()
    {
        var scheduler = new CooperativeScheduler(new ForeignPolicy());
        scheduler.Spawn("A", Yields(1));

        var error = Assert.Throws<SchedulerPolicyException>(() => scheduler.Run());

        Assert.Contains("does not belong to this scheduler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PolicyNeverWakesSleeper_StalledSayingSo()
    {
        var scheduler = new CooperativeScheduler(new AmnesiacPolicy());
        scheduler.Spawn("A", Once(Instruction.Sleep(2)));

        ScheduleReport report = scheduler.Run();

        Assert.Equal(ScheduleOutcome.Stalled, report.Outcome);
        Assert.Contains("'A' sleeps until tick 3, but the policy reports no wake-up", report.StallReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CalledTwice_Throws()
    {
        var scheduler = new CooperativeScheduler();
        scheduler.Run();

        Assert.Throws<InvalidOperationException>(() => scheduler.Run());
        Assert.Throws<InvalidOperationException>(() => scheduler.Spawn("late", Yields(1)));
    }

    [Fact]
    public void Spawn_BadArguments_Throw()
    {
        var scheduler = new CooperativeScheduler();
        scheduler.Spawn("A", Yields(1));

        Assert.Throws<ArgumentException>(() => scheduler.Spawn("A", Yields(1)));
        Assert.Throws<ArgumentException>(() => scheduler.Spawn(" ", Yields(1)));
        Assert.Throws<ArgumentNullException>(() => scheduler.Spawn("B", (IEnumerable<Instruction>)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Run(maxSteps: 0));
    }

    [Fact]
    public void Instructions_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Instruction.Sleep(-1));
        Assert.Throws<ArgumentNullException>(() => Instruction.WaitFor(null!));
        Assert.Equal("sleep 3", Instruction.Sleep(3).ToString());
    }

    private static IEnumerable<Instruction> Lazy(Func<Instruction> make)
    {
        yield return make();
    }

    // Returns sleepers at once, ignoring their wake-up tick.
    private sealed class ImpatientPolicy : ISchedulerPolicy
    {
        private readonly Queue<CoTask> _queue = new();

        public long? NextWakeUp => null;

        public void Ready(CoTask task) => _queue.Enqueue(task);

        public void Sleep(CoTask task, long wakeAt) => _queue.Enqueue(task);

        public CoTask? Next(long now) => _queue.TryDequeue(out CoTask? task) ? task : null;
    }

    // Hands out the same task again without it having been made ready again.
    private sealed class StutteringPolicy : ISchedulerPolicy
    {
        private CoTask? _last;

        public long? NextWakeUp => null;

        public void Ready(CoTask task) => _last = task;

        public void Sleep(CoTask task, long wakeAt) => _last = task;

        public CoTask? Next(long now) => _last;
    }

    // Returns a task of some other scheduler.
    private sealed class ForeignPolicy : ISchedulerPolicy
    {
        private readonly CoTask _stranger = new CooperativeScheduler().Spawn("stranger", Yields(1));

        public long? NextWakeUp => null;

        public void Ready(CoTask task)
        {
        }

        public void Sleep(CoTask task, long wakeAt)
        {
        }

        public CoTask? Next(long now) => _stranger;
    }

    // Forgets sleepers entirely.
    private sealed class AmnesiacPolicy : ISchedulerPolicy
    {
        private readonly Queue<CoTask> _queue = new();

        public long? NextWakeUp => null;

        public void Ready(CoTask task) => _queue.Enqueue(task);

        public void Sleep(CoTask task, long wakeAt)
        {
        }

        public CoTask? Next(long now) => _queue.TryDequeue(out CoTask? task) ? task : null;
    }
}
