namespace Workbook.Simulation;

/// <summary>A growable FIFO ring buffer of structs: a server's waiting line, with no allocation per request once warm.</summary>
/// <remarks>Not thread-safe: owned by one simulation run.</remarks>
internal sealed class RingQueue<T>
    where T : struct
{
    private T[] _items = new T[4];
    private int _head;

    public int Count { get; private set; }

    public void Enqueue(in T item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        int tail = _head + Count;
        _items[tail < _items.Length ? tail : tail - _items.Length] = item;
        Count++;
    }

    public bool TryDequeue(out T item)
    {
        if (Count == 0)
        {
            item = default;
            return false;
        }

        item = _items[_head];
        _items[_head] = default; // drop the reference (a lease) so the GC can reclaim it
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        Count--;
        return true;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        for (int i = 0; i < Count; i++)
        {
            int from = _head + i;
            bigger[i] = _items[from < _items.Length ? from : from - _items.Length];
        }

        _items = bigger;
        _head = 0;
    }
}
