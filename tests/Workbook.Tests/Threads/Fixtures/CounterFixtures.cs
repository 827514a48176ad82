using Workbook.Threads;

namespace Workbook.Tests.Threads.Fixtures;

// Exercise 01.1 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
// TODO: make Increment safe to call from many threads at once, and Value exact.
public sealed class SafeCounterStub : ICounter
{
    public long Value => throw new NotImplementedException();

    public void Increment() => throw new NotImplementedException();
}

// Wrong answer: a plain ++ is read, add, write; concurrent increments overwrite each other.
public sealed class PlainIncrementCounter : ICounter
{
    private long _count;

    public long Value => _count;

    public void Increment() => _count++;
}

// Wrong answer: volatile makes reads fresh but the increment is still three separate steps.
public sealed class VolatileIncrementCounter : ICounter
{
    private volatile int _count;

    public long Value => _count;

    public void Increment() => _count++;
}

// Wrong answer: every call locks its own new object, so no two calls ever exclude each other.
public sealed class NewLockObjectCounter : ICounter
{
    private long _count;

    public long Value => _count;

    public void Increment()
    {
        lock (new object())
        {
            _count++;
        }
    }
}

// Wrong answer that throws something other than NotImplementedException.
public sealed class ThrowingCounter : ICounter
{
    public long Value => 0;

    public void Increment() => throw new InvalidOperationException("the counter is closed");
}
