// Exercise 01.4: Create it exactly once
#nullable enable
using System;
using Workbook.Threads;

// Reference solution: the check and the creation happen together under one lock, so only the
// first caller ever runs open(); everyone else waits for the lock and then finds the value.
public sealed class OnceCell : IOnceCell
{
    private readonly object _gate = new();
    private Connection? _value;

    public Connection GetOrCreate(Func<Connection> open)
    {
        lock (_gate)
        {
            return _value ??= open();
        }
    }
}
