using Workbook.Coroutines;

namespace Workbook.Tests.Coroutines;

public sealed class StateMachineTests
{
    private static IEnumerable<int> Countdown(int from)
    {
        for (int i = from; i > 0; i--)
        {
            yield return i;
        }
    }

    private static async Task<int> AddLater(int a, int b)
    {
        await Task.Yield();
        return a + b;
    }

    private static async IAsyncEnumerable<int> Ticks(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public void Of_Iterator_GeneratedTypeHoldsStateCurrentAndParameter()
    {
        StateMachineInfo info = StateMachineInfo.Of(Countdown);

        Assert.Equal("iterator", info.Kind);
        Assert.Equal("Countdown(Int32)", info.Method);
        Assert.Contains("<>1__state: Int32", info.Fields);
        Assert.Contains("<>2__current: Int32", info.Fields);
        Assert.Contains(info.Fields, f => f.StartsWith("from", StringComparison.Ordinal));
        Assert.Contains("IEnumerator<Int32>", info.Interfaces);
        Assert.Contains("MoveNext", info.Methods);
    }

    [Fact]
    public void Of_AsyncMethod_GeneratedTypeHoldsBuilderAndImplementsIAsyncStateMachine()
    {
        StateMachineInfo info = StateMachineInfo.Of(AddLater);

        Assert.Equal("async method", info.Kind);
        Assert.Contains("IAsyncStateMachine", info.Interfaces);
        Assert.Contains(info.Fields, f => f.StartsWith("<>t__builder: AsyncTaskMethodBuilder<Int32>", StringComparison.Ordinal));
        Assert.Contains("is an async method", info.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_AsyncIterator_KindIsAsyncIterator()
    {
        StateMachineInfo info = StateMachineInfo.Of(Ticks);

        Assert.Equal("async iterator", info.Kind);
        Assert.Contains("IAsyncEnumerator<Int32>", info.Interfaces);
    }

    [Fact]
    public void Of_PlainMethod_ArgumentExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => StateMachineInfo.Of(new Func<int, int>(Math.Abs)));

        Assert.Contains("Abs has no compiler-generated state machine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLaterAsync_WithDelay_SuspendsOnceAndResumesInState0()
    {
        var log = new List<string>();

        int sum = await HandWrittenAsync.AddLaterAsync(2, 3, TimeSpan.FromMilliseconds(5), line => { lock (log) { log.Add(line); } })
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, sum);
        Assert.Equal(2, log.Count(l => l.StartsWith("MoveNext", StringComparison.Ordinal)));
        Assert.Contains(log, l => l.Contains("state = 0", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("MoveNext (state 0", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("return 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddLaterAsync_ZeroDelay_FinishesInOneMoveNext()
    {
        var log = new List<string>();

        Task<int> task = HandWrittenAsync.AddLaterAsync(4, 5, TimeSpan.Zero, log.Add);

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(9, await task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(log, l => l.StartsWith("MoveNext", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("already over", StringComparison.Ordinal));
    }

    [Fact]
    public void AddLaterAsync_NegativeDelay_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = HandWrittenAsync.AddLaterAsync(1, 2, TimeSpan.FromMilliseconds(-1)); });
}
