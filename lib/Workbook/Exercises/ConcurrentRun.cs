namespace Workbook.Exercises;

/// <summary>What <see cref="CheckContext.RunThreadsFor"/> observed.</summary>
/// <param name="CallsPerThread">Exactly how many calls each thread completed (index = thread index).</param>
/// <param name="OverlappedCalls">
/// How many calls were made while another thread was also making progress: evidence of truly
/// parallel execution, without which a race cannot show.
/// </param>
public sealed record ConcurrentRun(IReadOnlyList<long> CallsPerThread, long OverlappedCalls)
{
    /// <summary>All calls completed, by all threads.</summary>
    public long TotalCalls => CallsPerThread.Sum();
}
