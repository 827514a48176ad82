using System.Globalization;
using Workbook.Networking;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Networking"/>: chapter 05's <see cref="LineServer"/> on
/// 127.0.0.1 and a free port, and concurrent <see cref="LineClient"/>s, each sending
/// <c>SUM client exchange</c> lines one at a time and adding up the replies, as the asyncio
/// clients do against the asyncio server.
/// </summary>
internal static class NetworkingWorkload
{
    public static async Task<SideMeasurement> RunAsync(Workload workload, CancellationToken cancellationToken)
    {
        int clients = workload.Int("clients");
        int exchanges = workload.Int("exchanges");
        await using LineServer server = LineServer.Start();
        await ClientAsync(server.Port, 0, 10, cancellationToken).ConfigureAwait(false);
        (Dictionary<string, double> best, Dictionary<string, (long, long)> outcome) = await Rounds.RunAsync<(long, long)>(
            workload.Int("repeats"),
            [("exchanges", () => AllClientsAsync(server.Port, clients, exchanges, cancellationToken))],
            cancellationToken).ConfigureAwait(false);
        (long replies, long checksum) = outcome["exchanges"];
        return Rounds.Measurement([("replies", replies), ("checksum", checksum)], best);
    }

    private static async Task<(long Replies, long Checksum)> AllClientsAsync(int port, int clients, int exchanges, CancellationToken cancellationToken)
    {
        long[] totals = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => ClientAsync(port, c, exchanges, cancellationToken))).ConfigureAwait(false);
        return ((long)clients * exchanges, totals.Sum());
    }

    private static async Task<long> ClientAsync(int port, int number, int exchanges, CancellationToken cancellationToken)
    {
        await using LineClient client = await LineClient.ConnectAsync(port, cancellationToken).ConfigureAwait(false);
        long total = 0;
        for (int exchange = 0; exchange < exchanges; exchange++)
        {
            string reply = await client.SendAsync(string.Create(CultureInfo.InvariantCulture, $"SUM {number} {exchange}"), cancellationToken).ConfigureAwait(false);
            total += long.Parse(reply, CultureInfo.InvariantCulture);
        }

        return total;
    }
}
