using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Threads.Fixtures;
using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class LockOrderingExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("01.3", () => new OrderedLockBankStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("01.3", () => new OrderedLockBank());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("no deadlock", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LocksInArgumentOrder_FailedReportingDeadlockBeforeTheTimeout()
    {
        CheckResult result = _harness.Check("01.3", () => new ArgumentOrderBank());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.StartsWith("deadlock:", result.Message, StringComparison.Ordinal);
        Assert.Contains("lower Account.Id first", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(UnlockedBank), "account 1's Balance was changed by a thread that was not holding account 1's lock")]
    [InlineData(typeof(FromOnlyLockBank), "account 2's Balance was changed by a thread that was not holding account 2's lock")]
    [InlineData(typeof(LocksAccountObjectBank), "not lock (account) itself")]
    public void Check_MissingLock_FailedNamingTheAccount(Type bank, string expected)
    {
        CheckResult result = _harness.Check("01.3", () => (IBank)Activator.CreateInstance(bank)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ArgumentOrderWithShortTimeout_StillReturnsWithinTheTimeout()
    {
        using var harness = new CheckHarness(TimeSpan.FromSeconds(2));

        CheckResult result = harness.Check("01.3", () => new ArgumentOrderBank());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("deadlock", result.Message, StringComparison.Ordinal);
    }
}
