using Workbook.Capstone;
using Workbook.Exercises;
using Workbook.Tests.Capstone.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Capstone;

public sealed class HandlerExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("09.1", () => new QuoteHandlerStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("09.1", () => new QuoteHandler());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("a real worker process answered key 7 correctly", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Store.Get("09.1").Passes);
    }

    [Fact]
    public void Check_LibraryHandler_Passed()
    {
        CheckResult result = _harness.Check<IQuoteHandler>("09.1", () => new AwaitingHandler());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
    }

    [Theory]
    [InlineData(typeof(InlineHandler), "computed on the request thread")]
    [InlineData(typeof(BlockingHandler), "blocks its thread")]
    [InlineData(typeof(NoDeadlineHandler), "5 s after a 200 ms deadline")]
    [InlineData(typeof(WaitLessHandler), "token was never cancelled")]
    [InlineData(typeof(UnlinkedDeadlineHandler), "Link your token to requestAborted")]
    [InlineData(typeof(NoValidationHandler), "ArgumentOutOfRangeException")]
    public void Check_WrongHandler_FailedNamingTheMistake(Type handler, string expected)
    {
        CheckResult result = _harness.Check("09.1", () => (IQuoteHandler)Activator.CreateInstance(handler)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"09.1\")", result.Message, StringComparison.Ordinal);
    }
}
