using Workbook.Capstone;
using Workbook.Exercises;
using Workbook.Tests.Capstone.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Capstone;

public sealed class AdmissionExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("09.2", () => new BoundedAdmissionStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("09.2", () => new BoundedAdmission());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("the next was refused at once", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LibraryQueue_Passed()
    {
        CheckResult result = _harness.Check<IAdmissionQueue>("09.2", () => new AdmissionQueue());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
    }

    [Theory]
    [InlineData(typeof(UnboundedAdmission), "the queue is unbounded")]
    [InlineData(typeof(DropOldestAdmission), "DropOldest")]
    [InlineData(typeof(TaskPerJobAdmission), "only 2 consumers")]
    [InlineData(typeof(IgnoresCancellationAdmission), "check the job's token before running it")]
    [InlineData(typeof(FragileConsumerAdmission), "TrySetException")]
    public void Check_WrongQueue_FailedNamingTheMistake(Type queue, string expected)
    {
        CheckResult result = _harness.Check("09.2", () => (IAdmissionQueue)Activator.CreateInstance(queue)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
