// Exercise 01.1: A thread-safe counter
using System.Threading;
using Workbook.Threads;

// Reference solution: Interlocked makes read-add-write one atomic step, so no increment is lost.
public sealed class SafeCounter : ICounter
{
    private long _count;

    public long Value => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
