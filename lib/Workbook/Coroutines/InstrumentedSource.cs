using System.Collections;

namespace Workbook.Coroutines;

/// <summary>
/// The numbers 1, 2, 3 … (finite or endless) for the exercise checks, counting every pull,
/// enumeration and disposal, and stopping with <see cref="PullLimitExceededException"/> once a
/// stage has pulled more than it ever should, so an eager answer cannot hang the check.
/// </summary>
/// <remarks>Used on the check's thread only; not thread-safe.</remarks>
internal sealed class InstrumentedSource : IEnumerable<int>
{
    private readonly int? _count;

    /// <summary>Creates the source.</summary>
    /// <param name="count">How many numbers (1..count), or null for endless.</param>
    /// <param name="pullLimit">Pulls beyond this throw <see cref="PullLimitExceededException"/>.</param>
    public InstrumentedSource(int? count, int pullLimit)
    {
        _count = count;
        PullLimit = pullLimit;
    }

    /// <summary>The most items any stage may pull before the source stops it.</summary>
    public int PullLimit { get; }

    /// <summary>Items handed out so far, over all enumerations.</summary>
    public int Pulls { get; private set; }

    /// <summary>How many enumerators were created.</summary>
    public int Enumerations { get; private set; }

    /// <summary>How many enumerators were disposed (each counted once).</summary>
    public int Disposals { get; private set; }

    /// <summary>True when every enumerator made so far has been disposed.</summary>
    public bool AllDisposed => Enumerations == Disposals;

    public IEnumerator<int> GetEnumerator()
    {
        Enumerations++;
        return new Enumerator(this);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(InstrumentedSource owner) : IEnumerator<int>
    {
        private int _next = 1;
        private bool _disposed;

        public int Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_disposed || (owner._count is { } count && _next > count))
            {
                return false;
            }

            if (owner.Pulls >= owner.PullLimit)
            {
                throw new PullLimitExceededException(owner.PullLimit);
            }

            owner.Pulls++;
            Current = _next++;
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                owner.Disposals++;
            }
        }
    }
}

/// <summary>Thrown by <see cref="InstrumentedSource"/> when a stage pulls more items than it ever should.</summary>
internal sealed class PullLimitExceededException(int limit)
    : Exception($"The check's source stopped the stage after {limit:N0} pulls.")
{
    /// <summary>The limit that was passed.</summary>
    public int Limit { get; } = limit;
}
