namespace Workbook.Processes;

/// <summary>The operations a worker process knows how to run.</summary>
public enum WorkOperation
{
    /// <summary>CPU-bound: count the primes in [<see cref="WorkItem.Argument"/>, <see cref="WorkItem.Argument2"/>).</summary>
    CountPrimes,

    /// <summary>CPU-bound: run <see cref="WorkItem.Argument"/> iterations of a xorshift generator.</summary>
    Spin,

    /// <summary>I/O-like: wait <see cref="WorkItem.Argument"/> milliseconds without using the CPU.</summary>
    Sleep,

    /// <summary>Send <see cref="WorkItem.Text"/> back unchanged.</summary>
    Echo,

    /// <summary>Kill the worker process with <see cref="Environment.FailFast(string)"/>, to show crash isolation.</summary>
    Crash,

    /// <summary>Throw inside the worker: the item fails, the worker stays alive.</summary>
    Throw,

    /// <summary>Report the worker's process id.</summary>
    Pid,
}
