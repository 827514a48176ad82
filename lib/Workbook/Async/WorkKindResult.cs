using System.Globalization;

namespace Workbook.Async;

/// <summary>One batch measured by <see cref="WorkKinds"/>.</summary>
/// <param name="Work">"I/O wait" or "CPU work".</param>
/// <param name="Style">How the batch was run.</param>
/// <param name="Operations">How many operations the batch had.</param>
/// <param name="Each">How long one operation takes alone.</param>
/// <param name="Elapsed">How long the batch took (the fastest of the rounds run).</param>
/// <param name="Single">How long one operation took in this run: the one-after-another batch of the same work divided by <see cref="Operations"/>.</param>
public sealed record WorkKindResult(string Work, WorkStyle Style, int Operations, TimeSpan Each, TimeSpan Elapsed, TimeSpan Single)
{
    /// <summary>
    /// Elapsed divided by <see cref="Single"/>: 1 means all operations overlapped, <see cref="Operations"/>
    /// means none did. Measured against this run's own single operation, so a busy machine slows both alike.
    /// </summary>
    public double RelativeToOne => Elapsed / Single;

    /// <summary>E.g. <c>I/O wait, WhenAll: 8 × 50 ms in 52 ms (1.0× one)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Work}, {Style}: {Operations} × {Each.TotalMilliseconds:0} ms in {Elapsed.TotalMilliseconds:N0} ms ({RelativeToOne:0.0}× one)");
}
