namespace Workbook.Measurement;

/// <summary>
/// Counts operations as they complete and reports the rate, overall and per time slice
/// (100 ms slices by default), so a chart can show how throughput changed during a run.
/// Workers call <see cref="Increment"/> or <see cref="Add"/>; the notebook reads <see cref="Snapshot"/>.
/// </summary>
/// <remarks>
/// Thread-safety: every member may be called from any number of threads at once. Counting is
/// one <see cref="Interlocked.Add(ref long, long)"/> on the current slice's counter (a lock is taken
/// only when a new block of 1,024 slices is first needed), so nothing is ever lost. A snapshot
/// taken while workers are still counting is consistent with itself (its slices add up to its
/// total) but may miss operations counted after it read the clock.
/// Time comes from the injected <see cref="TimeProvider"/> and starts at construction. Memory grows
/// with the elapsed time, about 8 bytes per slice; the meter holds no unmanaged resources and
/// needs no disposal.
/// </remarks>
public sealed class ThroughputMeter
{
    /// <summary>The slice width used when none is given: 100 ms.</summary>
    public static readonly TimeSpan DefaultBucketWidth = TimeSpan.FromMilliseconds(100);

    private const int ChunkSize = 1024;

    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;
    private readonly long _bucketTicks;
    private readonly Lock _growLock = new();

    // Counters live in chunks of ChunkSize slices; the directory is replaced (copied) when it must
    // grow. Chunks are only created and the directory only replaced under _growLock, so a chunk
    // once published is the one every writer increments forever.
    private long[]?[] _chunks = new long[]?[4];

    /// <summary>Creates a meter whose clock starts now.</summary>
    /// <param name="bucketWidth">Slice width for the per-interval series; at least 1 ms; <see cref="DefaultBucketWidth"/> when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null (tests pass a FakeTimeProvider).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucketWidth"/> is shorter than 1 ms.</exception>
    public ThroughputMeter(TimeSpan? bucketWidth = null, TimeProvider? timeProvider = null)
    {
        TimeSpan width = bucketWidth ?? DefaultBucketWidth;
        ArgumentOutOfRangeException.ThrowIfLessThan(width, TimeSpan.FromMilliseconds(1), nameof(bucketWidth));
        BucketWidth = width;
        _bucketTicks = width.Ticks;
        _clock = timeProvider ?? TimeProvider.System;
        _startTimestamp = _clock.GetTimestamp();
    }

    /// <summary>The width of one slice of the per-interval series.</summary>
    public TimeSpan BucketWidth { get; }

    /// <summary>Time since the meter was created.</summary>
    public TimeSpan Elapsed => _clock.GetElapsedTime(_startTimestamp);

    /// <summary>All operations counted so far.</summary>
    public long Total
    {
        get
        {
            long sum = 0;
            foreach (long[]? chunk in Volatile.Read(ref _chunks))
            {
                if (chunk is null)
                {
                    continue;
                }
                for (int i = 0; i < chunk.Length; i++)
                {
                    sum += Interlocked.Read(ref chunk[i]);
                }
            }
            return sum;
        }
    }

    /// <summary>The overall rate so far: <see cref="Total"/> per second of <see cref="Elapsed"/>.</summary>
    public double OpsPerSecond => Snapshot().OpsPerSecond;

    /// <summary>Counts one completed operation in the current slice.</summary>
    public void Increment() => Add(1);

    /// <summary>Counts <paramref name="count"/> completed operations in the current slice.</summary>
    /// <param name="count">Operations to add; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void Add(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }
        long bucket = Elapsed.Ticks / _bucketTicks;
        long[] chunk = ChunkFor(bucket);
        Interlocked.Add(ref chunk[bucket % ChunkSize], count);
    }

    /// <summary>Reads the clock and the counters: the total, the overall rate and one bucket per slice so far.</summary>
    /// <returns>An immutable snapshot whose buckets add up to its total.</returns>
    public ThroughputSnapshot Snapshot()
    {
        TimeSpan elapsed = Elapsed;
        long current = elapsed.Ticks / _bucketTicks;
        long[]?[] chunks = Volatile.Read(ref _chunks);
        var buckets = new ThroughputBucket[current + 1];
        long total = 0;
        for (long b = 0; b <= current; b++)
        {
            long chunkIndex = b / ChunkSize;
            long[]? chunk = chunkIndex < chunks.Length ? chunks[chunkIndex] : null;
            long count = chunk is null ? 0 : Interlocked.Read(ref chunk[b % ChunkSize]);
            var start = TimeSpan.FromTicks(b * _bucketTicks);
            bool complete = b < current;
            TimeSpan width = complete ? BucketWidth : elapsed - start;
            buckets[b] = new ThroughputBucket(start, width, count, complete);
            total += count;
        }
        return new ThroughputSnapshot(total, elapsed, BucketWidth, buckets);
    }

    /// <summary>E.g. "12,345 ops in 1.02 s = 12,103 ops/s".</summary>
    /// <returns>The current snapshot's one-liner.</returns>
    public override string ToString() => Snapshot().ToString();

    private long[] ChunkFor(long bucket)
    {
        long chunkIndex = bucket / ChunkSize;
        long[]?[] chunks = Volatile.Read(ref _chunks);
        if (chunkIndex < chunks.Length && chunks[chunkIndex] is { } existing)
        {
            return existing;
        }
        lock (_growLock)
        {
            chunks = _chunks;
            if (chunkIndex >= chunks.Length)
            {
                var grown = new long[]?[Math.Max(chunks.Length * 2, chunkIndex + 1)];
                Array.Copy(chunks, grown, chunks.Length);
                chunks = grown;
            }
            long[] chunk = chunks[chunkIndex] ??= new long[ChunkSize];
            // Publish only after the chunk is in place, so a reader of the new directory sees it.
            Volatile.Write(ref _chunks, chunks);
            return chunk;
        }
    }
}
