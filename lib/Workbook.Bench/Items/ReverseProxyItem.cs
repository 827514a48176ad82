using Workbook.Benchmarking;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 6: the workbook's reverse proxy against YARP on the same loopback farm. The proxy and its
/// YARP front end come with issue #6 (lib/Workbook/Balancing/Farm/); until they are merged the
/// item is registered as pending so its rows show in every table.
/// </summary>
/// <remarks>
/// To wire it: measure, in interleaved rounds on one farm of three <c>DemoServer</c>s, (6a) the
/// throughput of our proxy and of YARP with the same policy, and (6b) with one backend of the three
/// made slow (<c>SetExtraLatency</c>), the p99 of our latency-aware policy against YARP's
/// PowerOfTwoChoices p99, both driven by <c>LoadGenerator</c>; then drop <see cref="PendingReason"/>.
/// </remarks>
internal sealed class ReverseProxyItem : IBenchItem
{
    private static readonly BenchSpec Throughput = new(
        "6a", 6, "Reverse proxy vs YARP: throughput, same policy", "our proxy's requests/s ÷ YARP's requests/s", BenchTarget.AtLeast(1.0));

    private static readonly BenchSpec Tail = new(
        "6b", 6, "Reverse proxy vs YARP: p99 with one slow backend of three", "our latency-aware p99 ÷ YARP PowerOfTwoChoices p99", BenchTarget.AtMost(0.5));

    /// <inheritdoc />
    public int Number => 6;

    /// <inheritdoc />
    public string Title => "Reverse proxy vs YARP on the loopback farm";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Throughput, Tail];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [];

    /// <inheritdoc />
    public string? PendingReason => "pending: needs the loopback farm (issue #6)";

    /// <inheritdoc />
    public Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Item 6 is pending until the loopback farm and its YARP front end (issue #6) are merged.");
}
