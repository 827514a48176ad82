using System.Globalization;
using Workbook.Bench.Children;
using Workbook.Bench.Infrastructure;
using Workbook.Benchmarking;
using Workbook.Networking;

namespace Workbook.Bench.Items;

/// <summary>
/// Item 5: the networking chapter's <see cref="LoadGenerator"/> against <c>wrk</c>, both driving
/// the chapter's <see cref="DemoServer"/> (<c>GET /fast</c>) with the same number of connections for
/// the same time, in alternating rounds. The server runs in its own child process, so neither
/// client shares a process with it.
/// </summary>
internal sealed class LoadGeneratorItem : IBenchItem
{
    private const string Ours = "workbook LoadGenerator";
    private const string Wrk = "wrk";
    private const int Connections = 16;

    private static readonly BenchSpec Spec = new(
        "5", 5, "Load generator vs wrk on the demo server (GET /fast)", "our requests/s ÷ wrk's requests/s", BenchTarget.AtLeast(0.8));

    /// <summary>wrk threads: one per core, wrk's own advice, capped at the connection count.</summary>
    private static int WrkThreads => Math.Clamp(Environment.ProcessorCount, 1, Connections);

    /// <inheritdoc />
    public int Number => 5;

    /// <inheritdoc />
    public string Title => "Load generator vs wrk on the networking chapter's server";

    /// <inheritdoc />
    public IReadOnlyList<BenchSpec> Specs => [Spec];

    /// <inheritdoc />
    public IReadOnlyList<ToolRequirement> Requires => [new("wrk", "apt-get install wrk")];

    /// <inheritdoc />
    public string? PendingReason => null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        string wrk = context.Tools.Find("wrk") ?? throw new InvalidOperationException("wrk disappeared from the PATH.");
        TimeSpan duration = TimeSpan.FromSeconds(context.Quick ? 1 : 3);
        await using ServerChild server = await ServerChild.StartAsync(cancellationToken).ConfigureAwait(false);
        Uri url = server.Url("/fast");
        long ourErrors = 0, wrkErrors = 0;

        RoundSamples samples = await context.MeasureAsync(
        [
            new Contender(Ours, "req/s", async token =>
            {
                LoadResult result = await LoadGenerator.RunAsync(LoadOptions.For(url, duration, Connections), token).ConfigureAwait(false);
                ourErrors += result.Errors;
                return result.Throughput;
            }),
            new Contender(Wrk, "req/s", async token =>
            {
                CommandResult run = (await ExternalCommand.RunAsync(
                    wrk,
                    ["-t", WrkThreads.ToString(CultureInfo.InvariantCulture), "-c", Connections.ToString(CultureInfo.InvariantCulture),
                     "-d", string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0}s"), url.ToString()],
                    context.RepositoryRoot,
                    duration + TimeSpan.FromSeconds(30),
                    token).ConfigureAwait(false)).EnsureSuccess("wrk");
                WrkReport report = WrkReport.Parse(run.Output);
                wrkErrors += report.Errors;
                return report.RequestsPerSecond;
            }),
        ], cancellationToken).ConfigureAwait(false);

        string notes = string.Create(CultureInfo.InvariantCulture,
            $"{Connections} connections for {duration.TotalSeconds:0} s each (wrk -t{WrkThreads}); server in its own process; "
            + $"on {Environment.ProcessorCount} cores the client and the server share the CPUs, so a leaner client leaves the server more; "
            + $"wrk {BenchFormat.Number(samples.Contenders[1].Median)} req/s; errors: ours {ourErrors}, wrk {wrkErrors}");
        return [Spec.Judge(samples, v => v(Ours) / v(Wrk), notes)];
    }
}
