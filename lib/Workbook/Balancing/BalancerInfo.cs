namespace Workbook.Balancing;

/// <summary>One entry of the <see cref="Balancers"/> catalogue.</summary>
/// <param name="Name">The name to pass to <see cref="Balancers.Create"/>.</param>
/// <param name="Summary">One sentence on how it chooses.</param>
/// <param name="UsesLoad">Whether it looks at outstanding requests or latency (and so can react to slow servers).</param>
public sealed record BalancerInfo(string Name, string Summary, bool UsesLoad)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name,-22} {Summary}";
}
