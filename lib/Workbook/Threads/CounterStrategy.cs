namespace Workbook.Threads;

/// <summary>How the threads of <see cref="RaceDemo"/> add to their shared count.</summary>
public enum CounterStrategy
{
    /// <summary><c>count++</c> with no synchronisation: fast and wrong (updates get lost).</summary>
    Unsynchronized,

    /// <summary><c>lock (gate) count++</c>: correct; every increment takes the lock.</summary>
    Lock,

    /// <summary><c>Interlocked.Increment(ref count)</c>: correct; one atomic instruction per increment.</summary>
    Interlocked,

    /// <summary>Each thread counts in a local variable and adds its total once at the end: correct and shares almost nothing.</summary>
    ThreadLocalSum,
}
