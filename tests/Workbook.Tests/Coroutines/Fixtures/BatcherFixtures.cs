using Workbook.Coroutines;

namespace Workbook.Tests.Coroutines.Fixtures;

// Exercise 04.1 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
public sealed class LazyBatcherStub : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        // TODO: yield each batch as soon as it is full; the last one may be shorter.
        throw new NotImplementedException();
    }
}

// Wrong answer: an iterator (so nothing happens at the call) that reads the whole source first.
// On an endless source it would never produce a batch.
public sealed class EagerToListBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Iterate(source, size);

        static IEnumerable<T[]> Iterate(IEnumerable<T> source, int size)
        {
            List<T> all = source.ToList();
            for (int i = 0; i < all.Count; i += size)
            {
                yield return all.Skip(i).Take(size).ToArray();
            }
        }
    }
}

// Wrong answer: not an iterator at all; builds every batch when Batch is called.
public sealed class ListReturningBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        var batches = new List<T[]>();
        var current = new List<T>();
        foreach (T item in source)
        {
            current.Add(item);
            if (current.Count == size)
            {
                batches.Add([.. current]);
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            batches.Add([.. current]);
        }

        return batches;
    }
}

// Wrong answer: forgets the part-filled batch when the source ends.
public sealed class DropsLastBatchBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Iterate(source, size);

        static IEnumerable<T[]> Iterate(IEnumerable<T> source, int size)
        {
            var batch = new List<T>(size);
            foreach (T item in source)
            {
                batch.Add(item);
                if (batch.Count == size)
                {
                    yield return [.. batch];
                    batch.Clear();
                }
            }
        }
    }
}

// Wrong answer: hands out the same array every time and overwrites it for the next batch.
public sealed class ReusedBufferBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Iterate(source, size);

        static IEnumerable<T[]> Iterate(IEnumerable<T> source, int size)
        {
            var buffer = new T[size];
            int count = 0;
            foreach (T item in source)
            {
                buffer[count++] = item;
                if (count == size)
                {
                    yield return buffer;
                    count = 0;
                }
            }

            if (count > 0)
            {
                yield return buffer[..count];
            }
        }
    }
}

// Wrong answer: walks the source with a hand-held enumerator and never disposes it.
public sealed class UndisposedSourceBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Iterate(source, size);

        static IEnumerable<T[]> Iterate(IEnumerable<T> source, int size)
        {
            IEnumerator<T> items = source.GetEnumerator();
            var batch = new List<T>(size);
            while (items.MoveNext())
            {
                batch.Add(items.Current);
                if (batch.Count == size)
                {
                    yield return [.. batch];
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                yield return [.. batch];
            }
        }
    }
}

// Wrong answer: reads one item ahead to find out whether another batch follows.
public sealed class ReadAheadBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Iterate(source, size);

        static IEnumerable<T[]> Iterate(IEnumerable<T> source, int size)
        {
            using IEnumerator<T> items = source.GetEnumerator();
            bool more = items.MoveNext();
            while (more)
            {
                var batch = new List<T>(size);
                while (more && batch.Count < size)
                {
                    batch.Add(items.Current);
                    more = items.MoveNext();
                }

                yield return [.. batch];
            }
        }
    }
}

// Wrong answer: correct batching, but a size of 0 or a null source is never rejected.
public sealed class UncheckedArgumentsBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        var batch = new List<T>();
        foreach (T item in source ?? [])
        {
            batch.Add(item);
            if (batch.Count == size)
            {
                yield return [.. batch];
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }
}

// Wrong answer: always yields what is left at the end, even an empty batch.
public sealed class TrailingEmptyBatchBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Iterate(source, size);

        static IEnumerable<T[]> Iterate(IEnumerable<T> source, int size)
        {
            var batch = new List<T>(size);
            foreach (T item in source)
            {
                batch.Add(item);
                if (batch.Count == size)
                {
                    yield return [.. batch];
                    batch.Clear();
                }
            }

            yield return [.. batch];
        }
    }
}
