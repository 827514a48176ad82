using Workbook.Processes;

namespace Workbook.Tests.Processes;

public sealed class WorkItemTests
{
    [Fact]
    public void Factories_EachOperation_CarryArgumentsAndLabel()
    {
        WorkItem primes = WorkItem.CountPrimes(10, 20);
        Assert.Equal((WorkOperation.CountPrimes, 10L, 20L, "primes[10,20)"), (primes.Operation, primes.Argument, primes.Argument2, primes.Label));
        Assert.Equal((WorkOperation.Spin, 7L), (WorkItem.Spin(7).Operation, WorkItem.Spin(7).Argument));
        Assert.Equal((WorkOperation.Sleep, 15L), (WorkItem.Sleep(15).Operation, WorkItem.Sleep(15).Argument));
        Assert.Equal((WorkOperation.Echo, "hi"), (WorkItem.Echo("hi").Operation, WorkItem.Echo("hi").Text));
        Assert.Equal((WorkOperation.Throw, "no"), (WorkItem.Throw("no").Operation, WorkItem.Throw("no").Text));
        Assert.Equal(WorkOperation.Crash, WorkItem.Crash().Operation);
        Assert.Equal(WorkOperation.Pid, WorkItem.Pid().Operation);
    }

    [Fact]
    public void With_NewLabel_KeepsOperationAndArguments()
    {
        WorkItem renamed = WorkItem.CountPrimes(1, 9) with { Label = "mine" };
        Assert.Equal(("mine", WorkOperation.CountPrimes, 1L, 9L), (renamed.Label, renamed.Operation, renamed.Argument, renamed.Argument2));
        Assert.Equal("mine (CountPrimes)", renamed.ToString());
    }

    [Fact]
    public void With_EmptyLabel_Throws() =>
        Assert.Throws<ArgumentException>(() => WorkItem.Pid() with { Label = " " });

    [Theory]
    [InlineData(0, 100, 1)]
    [InlineData(0, 100, 7)]
    [InlineData(5, 6, 3)]
    [InlineData(1_000, 1_000_000, 64)]
    public void CountPrimesInChunks_AnyRange_CoversItExactlyOnceInOrder(long from, long to, int chunks)
    {
        IReadOnlyList<WorkItem> items = WorkItem.CountPrimesInChunks(from, to, chunks);
        Assert.Equal(chunks, items.Count);
        Assert.Equal(from, items[0].Argument);
        Assert.Equal(to, items[^1].Argument2);
        for (int i = 1; i < items.Count; i++)
        {
            Assert.Equal(items[i - 1].Argument2, items[i].Argument);
        }

        Assert.Equal(Primes.Count(from, to), items.Sum(item => Primes.Count(item.Argument, item.Argument2)));
    }

    [Fact]
    public void Factories_BadArguments_ThrowNamingTheProblem()
    {
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => WorkItem.CountPrimes(-1, 3)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => WorkItem.CountPrimes(4, 3)).ParamName);
        Assert.Equal("chunks", Assert.Throws<ArgumentOutOfRangeException>(() => WorkItem.CountPrimesInChunks(0, 3, 0)).ParamName);
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => WorkItem.Spin(-1)).ParamName);
        Assert.Equal("milliseconds", Assert.Throws<ArgumentOutOfRangeException>(() => WorkItem.Sleep(-1)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => WorkItem.Echo(null!)).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => WorkItem.Throw(null!)).ParamName);
    }

    [Fact]
    public void ProcessPoolOptions_BadValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessPoolOptions { MaxRetries = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessPoolOptions { ShutdownGrace = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentNullException>(() => new ProcessPoolOptions { TimeProvider = null! });
        Assert.Equal(1, new ProcessPoolOptions().MaxRetries);
    }
}
