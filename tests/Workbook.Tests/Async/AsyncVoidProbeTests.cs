using Workbook.Async;

namespace Workbook.Tests.Async;

public sealed class AsyncVoidProbeTests
{
    [Fact]
    public void Run_AsyncVoidThrowsAfterAwait_CallerCatchesNothingAndTheExceptionIsCaptured()
    {
        bool callerCaught = false;

        AsyncVoidReport report = AsyncVoidProbe.Run(() =>
        {
            try
            {
                ThrowsAfterYield("disk full");
            }
            catch (InvalidOperationException)
            {
                callerCaught = true;
            }
        });

        Assert.False(callerCaught);
        Assert.Null(report.CaughtByCaller);
        Exception escaped = Assert.Single(report.Escaped);
        Assert.IsType<InvalidOperationException>(escaped);
        Assert.Equal("disk full", escaped.Message);
        Assert.True(report.Finished);
        Assert.Contains("caught nothing", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AsyncVoidThrowsBeforeAnyAwait_StillEscapesTheCaller()
    {
        AsyncVoidReport report = AsyncVoidProbe.Run(() => ThrowsAtOnce("bad input"));

        Assert.Null(report.CaughtByCaller);
        Assert.Equal("bad input", Assert.Single(report.Escaped).Message);
    }

    [Fact]
    public void Run_TwoFailingAsyncVoids_CapturesBoth()
    {
        AsyncVoidReport report = AsyncVoidProbe.Run(() =>
        {
            ThrowsAfterYield("one");
            ThrowsAfterYield("two");
        });

        Assert.Equal(["one", "two"], report.Escaped.Select(e => e.Message).Order());
        Assert.True(report.Finished);
    }

    [Fact]
    public void Run_AsyncVoidSucceeds_NothingEscapes()
    {
        int steps = 0;

        AsyncVoidReport report = AsyncVoidProbe.Run(() => CountsAfterYield(() => steps++));

        Assert.Empty(report.Escaped);
        Assert.Equal(1, steps);
        Assert.True(report.Finished);
        Assert.Contains("No exception escaped", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OrdinaryThrowInTheCall_IsReportedAsCaughtByCaller()
    {
        AsyncVoidReport report = AsyncVoidProbe.Run(() => throw new FormatException("sync"));

        Assert.IsType<FormatException>(report.CaughtByCaller);
        Assert.Empty(report.Escaped);
    }

    [Fact]
    public void Run_NeverEndingAsyncVoidAndCancelledToken_ReturnsUnfinished()
    {
        var never = new TaskCompletionSource();

        AsyncVoidReport report = AsyncVoidProbe.Run(() => AwaitsForever(never.Task), new CancellationToken(canceled: true));

        Assert.False(report.Finished);
        Assert.Contains("had not finished", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Always_RestoresThePreviousSynchronizationContext()
    {
        SynchronizationContext? before = SynchronizationContext.Current;

        AsyncVoidProbe.Run(() => ThrowsAfterYield("x"));

        Assert.Same(before, SynchronizationContext.Current);
    }

    private static async void ThrowsAfterYield(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

#pragma warning disable CS1998 // The point: an async void method that fails before its first await.
    private static async void ThrowsAtOnce(string message) => throw new ArgumentException(message);
#pragma warning restore CS1998

    private static async void CountsAfterYield(Action step)
    {
        await Task.Yield();
        step();
    }

    private static async void AwaitsForever(Task never) => await never;
}
