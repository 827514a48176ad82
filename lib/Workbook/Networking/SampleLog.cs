namespace Workbook.Networking;

/// <summary>
/// One load-generator client's record of its requests: an append-only list stored in fixed-size
/// chunks, so adding never copies and, once the first chunks exist, never allocates.
/// </summary>
/// <remarks>Not thread-safe: each client owns its log and is its only writer; it is read after the run.</remarks>
internal sealed class SampleLog
{
    private const int ChunkSize = 8192;

    private readonly List<RequestSample[]> chunks = [];
    private RequestSample[] current;
    private int used;

    /// <summary>Creates a log with room for about <paramref name="expected"/> samples already allocated.</summary>
    public SampleLog(long expected)
    {
        long chunkCount = Math.Max(1, (expected + ChunkSize - 1) / ChunkSize);
        for (long i = 0; i < chunkCount; i++)
        {
            chunks.Add(new RequestSample[ChunkSize]);
        }

        current = chunks[0];
    }

    /// <summary>How many samples the log holds.</summary>
    public long Count { get; private set; }

    /// <summary>Appends one sample.</summary>
    public void Add(in RequestSample sample)
    {
        if (used == ChunkSize)
        {
            int next = (int)(Count / ChunkSize);
            if (next == chunks.Count)
            {
                chunks.Add(new RequestSample[ChunkSize]);
            }

            current = chunks[next];
            used = 0;
        }

        current[used++] = sample;
        Count++;
    }

    /// <summary>Every sample, in the order added.</summary>
    public IEnumerable<RequestSample> Samples()
    {
        long left = Count;
        foreach (RequestSample[] chunk in chunks)
        {
            for (int i = 0; i < chunk.Length && left > 0; i++, left--)
            {
                yield return chunk[i];
            }
        }
    }
}
