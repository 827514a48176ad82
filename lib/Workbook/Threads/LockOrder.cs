namespace Workbook.Threads;

/// <summary>The order in which the two threads of <see cref="DeadlockDemo"/> take their two locks.</summary>
public enum LockOrder
{
    /// <summary>Thread A takes lock 1 then lock 2, thread B takes lock 2 then lock 1: a deadlock waiting to happen.</summary>
    Opposite,

    /// <summary>Both threads take lock 1 then lock 2: one simply waits for the other.</summary>
    Consistent,
}
