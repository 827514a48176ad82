using System.Globalization;

namespace Workbook.Networking;

/// <summary>
/// Counts the TCP sockets on this machine that use a given port, by state, read from Linux's
/// <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>. Shows what <c>ss -tan</c> would: listeners,
/// established connections and the TIME_WAIT leftovers of closed connections.
/// </summary>
/// <remarks>
/// Thread-safe (reads files, keeps no state). On other operating systems <see cref="IsSupported"/>
/// is false and <see cref="Count"/> returns null. Both ends of a loopback connection live on this
/// machine, so an established connection to the port is counted twice (client end and server end).
/// </remarks>
public static class SocketCensus
{
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>True where the kernel's TCP tables can be read (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists(Tables[0]);

    /// <summary>Counts the sockets whose local or remote port is <paramref name="port"/>.</summary>
    /// <param name="port">A TCP port, 1 to 65535.</param>
    /// <returns>The counts by state, or null where <see cref="IsSupported"/> is false.</returns>
    public static SocketCount? Count(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        if (!IsSupported)
        {
            return null;
        }

        int listening = 0, established = 0, timeWait = 0, other = 0;
        foreach (string table in Tables.Where(File.Exists))
        {
            // Skip the header line; each row reads "sl local:port remote:port state ...", all hex.
            foreach (string line in File.ReadLines(table).Skip(1))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4 || (PortOf(fields[1]) != port && PortOf(fields[2]) != port))
                {
                    continue;
                }

                switch (fields[3])
                {
                    case "0A": listening++; break;
                    case "01": established++; break;
                    case "06": timeWait++; break;
                    default: other++; break;
                }
            }
        }

        return new SocketCount(port, listening, established, timeWait, other);
    }

    /// <summary>True when some socket is listening on <paramref name="port"/> (false where unsupported).</summary>
    /// <param name="port">A TCP port, 1 to 65535.</param>
    /// <returns>Whether the port has a listener.</returns>
    public static bool IsListening(int port) => Count(port)?.Listening > 0;

    private static int PortOf(string endpoint)
    {
        int colon = endpoint.LastIndexOf(':');
        return colon >= 0 && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int port)
            ? port
            : -1;
    }
}
