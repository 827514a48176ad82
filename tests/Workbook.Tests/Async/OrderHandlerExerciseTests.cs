using Workbook.Async;
using Workbook.Exercises;
using Workbook.Tests.Async.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Async;

public sealed class OrderHandlerExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("03.3", () => new OrderHandlerStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("03.3", () => new AsyncOrderHandler());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("no thread ever sat blocked", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConfigureAwaitFalse_Passed() =>
        Assert.Equal(CheckOutcome.Passed, _harness.Check("03.3", () => new ConfigureAwaitOrderHandler()).Outcome);

    [Theory]
    [InlineData(typeof(BlockingOrderHandler), "only 2 of 8 handlers reached ReserveAsync")]
    [InlineData(typeof(HalfAsyncOrderHandler), "the price lookup still blocks")]
    [InlineData(typeof(TaskRunOrderHandler), "wrapping the blocking code in Task.Run")]
    [InlineData(typeof(WrongTotalOrderHandler), "totals")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type handler, string expected)
    {
        CheckResult result = _harness.Check("03.3", () => (IOrderHandler)Activator.CreateInstance(handler)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
