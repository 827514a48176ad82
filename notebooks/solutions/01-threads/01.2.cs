// Exercise 01.2: Parallel sum with correct partitioning
using System.Linq;
using System.Threading;
using Workbook.Threads;

// Reference solution: contiguous ranges, the last one takes the remainder, one thread per range,
// and each thread writes only its own slot of the partial sums.
public sealed class PartitionedSummer : IParallelSummer
{
    public long Sum(TrackedArray data, int parts)
    {
        int chunk = data.Length / parts;
        var partials = new long[parts];
        var threads = new Thread[parts];
        for (int p = 0; p < parts; p++)
        {
            int slot = p;
            int start = p * chunk;
            int end = p == parts - 1 ? data.Length : start + chunk;
            threads[p] = new Thread(() =>
            {
                long sum = 0;
                for (int i = start; i < end; i++)
                {
                    sum += data[i];
                }

                partials[slot] = sum;
            });
            threads[p].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return partials.Sum();
    }
}
