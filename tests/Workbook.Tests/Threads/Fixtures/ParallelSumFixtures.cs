using Workbook.Threads;

namespace Workbook.Tests.Threads.Fixtures;

// Exercise 01.2 as the notebook's stub cell shows it.
// TODO: split data into `parts` ranges, sum each on its own thread, and add up the partial sums.
public sealed class PartitionedSummerStub : IParallelSummer
{
    public long Sum(TrackedArray data, int parts) => throw new NotImplementedException();
}

// Wrong answer: every part is exactly length / parts long, so the remainder is never summed.
public sealed class DropsRemainderSummer : IParallelSummer
{
    public long Sum(TrackedArray data, int parts)
    {
        int chunk = data.Length / parts;
        var partials = new long[parts];
        var threads = new Thread[parts];
        for (int p = 0; p < parts; p++)
        {
            int slot = p, start = p * chunk, end = start + chunk;
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

// Wrong answer: correct ranges, but every thread adds into one shared, unsynchronised total.
public sealed class SharedTotalSummer : IParallelSummer
{
    private long _total;

    public long Sum(TrackedArray data, int parts)
    {
        _total = 0;
        int chunk = data.Length / parts;
        var threads = new Thread[parts];
        for (int p = 0; p < parts; p++)
        {
            int start = p * chunk, end = p == parts - 1 ? data.Length : start + chunk;
            threads[p] = new Thread(() =>
            {
                for (int i = start; i < end; i++)
                {
                    _total += data[i];
                }
            });
            threads[p].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return _total;
    }
}

// Wrong answer: an off-by-one makes each range include the first element of the next one.
public sealed class OverlappingRangesSummer : IParallelSummer
{
    public long Sum(TrackedArray data, int parts)
    {
        int chunk = data.Length / parts;
        var partials = new long[parts];
        var threads = new Thread[parts];
        for (int p = 0; p < parts; p++)
        {
            int slot = p, start = p * chunk;
            int end = p == parts - 1 ? data.Length : start + chunk + 1;
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

// Wrong answer: correct ranges and sums, but everything runs on the calling thread.
public sealed class SingleThreadSummer : IParallelSummer
{
    public long Sum(TrackedArray data, int parts)
    {
        int chunk = data.Length / parts;
        long total = 0;
        for (int p = 0; p < parts; p++)
        {
            int start = p * chunk, end = p == parts - 1 ? data.Length : start + chunk;
            for (int i = start; i < end; i++)
            {
                total += data[i];
            }
        }

        return total;
    }
}
