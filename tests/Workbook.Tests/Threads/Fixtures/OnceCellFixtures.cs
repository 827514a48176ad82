using Workbook.Threads;

namespace Workbook.Tests.Threads.Fixtures;

// Exercise 01.4 as the notebook's stub cell shows it.
// TODO: run open() only on the very first call, even when many threads call at once.
public sealed class OnceCellStub : IOnceCell
{
    public Connection GetOrCreate(Func<Connection> open) => throw new NotImplementedException();
}

// Wrong answer: check-then-act with no lock; concurrent callers all create one.
public sealed class CheckThenActCell : IOnceCell
{
    private Connection? _value;

    public Connection GetOrCreate(Func<Connection> open)
    {
        if (_value is null)
        {
            _value = open();
        }

        return _value;
    }
}

// Wrong answer: double-checked locking without the second check inside the lock.
public sealed class MissingSecondCheckCell : IOnceCell
{
    private readonly object _gate = new();
    private Connection? _value;

    public Connection GetOrCreate(Func<Connection> open)
    {
        if (_value is null)
        {
            lock (_gate)
            {
                _value = open();
            }
        }

        return _value;
    }
}

// Wrong answer: thread-safe, but creates a new connection on every call.
public sealed class AlwaysCreatesCell : IOnceCell
{
    private readonly object _gate = new();

    public Connection GetOrCreate(Func<Connection> open)
    {
        lock (_gate)
        {
            return open();
        }
    }
}

// A correct alternative: Lazy<T> with its default, thread-safe mode.
public sealed class LazyCell : IOnceCell
{
    private Lazy<Connection>? _lazy;

    public Connection GetOrCreate(Func<Connection> open)
    {
        Interlocked.CompareExchange(ref _lazy, new Lazy<Connection>(open), null);
        return _lazy.Value;
    }
}
