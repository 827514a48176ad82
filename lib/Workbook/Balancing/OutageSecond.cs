namespace Workbook.Balancing;

/// <summary>One virtual second of an <see cref="OutageReplay"/>: what the sick backend received and what clients saw.</summary>
/// <param name="Second">The second, counted from 0.</param>
/// <param name="SentToSick">Requests the balancer sent to the sick backend during this second.</param>
/// <param name="Failed">Requests that failed during this second (only the sick backend fails, and only while it is down).</param>
/// <param name="Health">The sick backend's ejection state at the end of the second.</param>
/// <param name="IsDown">Whether the sick backend was down during this second.</param>
public sealed record OutageSecond(int Second, int SentToSick, int Failed, BackendHealth Health, bool IsDown)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"t = {Second,3} s: {SentToSick} sent to the sick backend, {Failed} failed, it is {Health.ToString().ToLowerInvariant()}{(IsDown ? " (down)" : string.Empty)}";
}
