using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Tuning;

/// <summary>What one <see cref="AllocationDemo.Run"/> cost in allocations, collections and time.</summary>
/// <param name="Strategy">Where the buffers came from.</param>
/// <param name="Messages">Messages processed.</param>
/// <param name="BufferBytes">Scratch buffer size per message.</param>
/// <param name="AllocatedBytes">Bytes the running thread allocated (<c>GC.GetAllocatedBytesForCurrentThread</c>): exact, not sampled.</param>
/// <param name="Gen0Collections">Generation-0 collections during the run (process-wide).</param>
/// <param name="Gen2Collections">Generation-2 collections during the run (process-wide).</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Checksum">The combined checksum: equal for every strategy, so all did the same work.</param>
public sealed record AllocationResult(
    BufferStrategy Strategy,
    int Messages,
    int BufferBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen2Collections,
    TimeSpan Elapsed,
    long Checksum)
{
    /// <summary>Bytes allocated per message.</summary>
    public double BytesPerMessage => Messages == 0 ? 0 : (double)AllocatedBytes / Messages;

    /// <summary>One line with allocations, collections and time.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Strategy,-10} {NumberText.Count(Messages)} messages: {AllocatedBytes / 1048576.0,8:0.0} MB allocated ({BytesPerMessage,7:0.0} B per message), "
        + $"{Gen0Collections,4} gen-0 collections, {Durations.Format(Elapsed)}");
}
