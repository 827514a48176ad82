using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Tuning.Fixtures;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning;

public sealed class ValueSummerExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("08.3", () => new ValueSummerStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("08.3", () => new ValueSummer());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("summed correctly", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(SplitValueSummer), "every call creates garbage")]
    [InlineData(typeof(SubstringValueSummer), "every call creates garbage")]
    [InlineData(typeof(UnsignedValueSummer), "Is a leading minus sign handled?")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type summer, string expected)
    {
        CheckResult result = _harness.Check("08.3", () => (IValueSummer)Activator.CreateInstance(summer)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
