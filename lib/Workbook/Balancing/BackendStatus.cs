namespace Workbook.Balancing;

/// <summary>A point-in-time view of one backend as its balancer sees it.</summary>
/// <param name="Backend">The backend.</param>
/// <param name="Health">Its ejection state (always <see cref="BackendHealth.Healthy"/> without ejection).</param>
/// <param name="Outstanding">Requests picked for it whose lease has not ended.</param>
/// <param name="Picks">Requests ever picked for it.</param>
/// <param name="Failures">Leases on it that ended as <see cref="RequestOutcome.Failure"/>.</param>
public sealed record BackendStatus(Backend Backend, BackendHealth Health, int Outstanding, long Picks, long Failures)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Backend.Name}: {Health.ToString().ToLowerInvariant()}, {Outstanding} outstanding, {Picks:N0} picks, {Failures:N0} failures";
}
