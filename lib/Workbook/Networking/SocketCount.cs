namespace Workbook.Networking;

/// <summary>The sockets using one port, by TCP state (socket ends, so a loopback connection counts twice when established).</summary>
/// <param name="Port">The port counted.</param>
/// <param name="Listening">Listening sockets (a server's accept socket).</param>
/// <param name="Established">Open connection ends.</param>
/// <param name="TimeWait">Closed connections the kernel still remembers (about 60 s on Linux); each holds a local port.</param>
/// <param name="Other">Ends in any other state (closing, SYN sent, …).</param>
public sealed record SocketCount(int Port, int Listening, int Established, int TimeWait, int Other)
{
    /// <summary>E.g. "port 41234: 1 listening, 2 established, 98 TIME_WAIT, 0 other".</summary>
    /// <returns>The counts as one line.</returns>
    public override string ToString() =>
        $"port {Port}: {Listening} listening, {Established} established, {TimeWait} TIME_WAIT, {Other} other";
}
