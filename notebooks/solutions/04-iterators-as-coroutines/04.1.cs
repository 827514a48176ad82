// Exercise 04.1: A lazy Batch stage
using System;
using System.Collections.Generic;
using Workbook.Coroutines;

// Reference solution: validation runs at the call; the batching itself is an iterator, so it
// pulls an item only when the consumer asks for the batch that item belongs to.
public sealed class LazyBatcher : IBatcher
{
    public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Iterate(source, size);

        static IEnumerable<T[]> Iterate(IEnumerable<T> source, int size)
        {
            T[]? batch = null;
            int count = 0;

            // foreach disposes the source's enumerator, also when our consumer stops early.
            foreach (T item in source)
            {
                batch ??= new T[size];
                batch[count++] = item;
                if (count == size)
                {
                    yield return batch;
                    batch = null; // a new array for the next batch: the consumer may keep this one
                    count = 0;
                }
            }

            if (batch is not null)
            {
                yield return batch[..count];
            }
        }
    }
}
