using Workbook.Coroutines;
using Workbook.Exercises;
using Workbook.Tests.Coroutines.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Coroutines;

public sealed class SleepPolicyExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("04.2", () => new SleepAwarePolicyStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("04.2", () => new SleepAwarePolicy());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("matched the reference step for step", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LibraryPolicy_Passed()
    {
        CheckResult result = _harness.Check("04.2", () => new RoundRobinPolicy());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
    }

    [Theory]
    [InlineData(typeof(NeverWakesPolicy), "NextWakeUp is null")]
    [InlineData(typeof(EarlyByOnePolicy), "it woke one tick early")]
    [InlineData(typeof(LateByOnePolicy), "A came back only at Next(6): it woke late")]
    [InlineData(typeof(FrontRequeuePolicy), "every task behind it starves")]
    [InlineData(typeof(FifoSleepersPolicy), "EARLIEST wakeAt")]
    [InlineData(typeof(WokenJumpTheQueuePolicy), "join the BACK of the ready queue")]
    public void Check_WrongAnswer_FailedNamingTheMistake(Type policy, string expected)
    {
        CheckResult result = _harness.Check("04.2", () => (ISchedulerPolicy)Activator.CreateInstance(policy)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"04.2\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NeverWakesButReportsWakeUp_FailedSayingItNeverWoke()
    {
        CheckResult result = _harness.Check("04.2", () => new ForgetfulSleepersPolicy());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("A never woke", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PolicyGoingWrongOnlyInLongRuns_FailedAtTheFirstDifferentStep()
    {
        CheckResult result = _harness.Check("04.2", () => new TiresAfterFortyCallsPolicy());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Matches("in the '.+' scenario, step [0-9]+ ran", result.Message);
        Assert.Contains("the reference runs", result.Message, StringComparison.Ordinal);
    }

    // Correct for its first 40 calls of Next (enough for the direct tests), then serves the newest ready task first.
    private sealed class TiresAfterFortyCallsPolicy : ISchedulerPolicy
    {
        private readonly List<CoTask> _ready = [];
        private readonly RoundRobinPolicy _sleepers = new();
        private int _calls;

        public long? NextWakeUp => _sleepers.NextWakeUp;

        public void Ready(CoTask task) => _ready.Add(task);

        public void Sleep(CoTask task, long wakeAt) => _sleepers.Sleep(task, wakeAt);

        public CoTask? Next(long now)
        {
            // The library policy holds only sleepers here, so its Next hands back the due ones in order.
            while (_sleepers.Next(now) is { } woken)
            {
                _ready.Add(woken);
            }

            if (_ready.Count == 0)
            {
                return null;
            }

            int index = ++_calls > 40 ? _ready.Count - 1 : 0;
            CoTask next = _ready[index];
            _ready.RemoveAt(index);
            return next;
        }
    }

    // Reports the wake-up correctly but never moves the sleeper back into the ready queue.
    private sealed class ForgetfulSleepersPolicy : ISchedulerPolicy
    {
        private readonly Queue<CoTask> _ready = new();
        private readonly PriorityQueue<CoTask, long> _sleeping = new();

        public long? NextWakeUp => _sleeping.TryPeek(out _, out long wakeAt) ? wakeAt : null;

        public void Ready(CoTask task) => _ready.Enqueue(task);

        public void Sleep(CoTask task, long wakeAt) => _sleeping.Enqueue(task, wakeAt);

        public CoTask? Next(long now) => _ready.TryDequeue(out CoTask? next) ? next : null;
    }
}
