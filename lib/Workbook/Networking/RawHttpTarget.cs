using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workbook.Networking;

/// <summary>
/// What every raw-socket client of one run shares: the request, encoded once, and where to connect.
/// </summary>
/// <remarks>
/// Thread-safety: immutable except for the resolved addresses, which are written once by whichever
/// client resolves the host first (a benign race: every resolution gives an equally good answer).
/// </remarks>
internal sealed class RawHttpTarget
{
    private readonly string host;
    private IPEndPoint[]? endPoints;

    public RawHttpTarget(Uri url, TimeSpan connectionLifetime)
    {
        host = url.IdnHost;
        Port = url.Port;
        string authority = url.IsDefaultPort ? url.IdnHost : $"{url.IdnHost}:{url.Port}";
        // The whole request, byte for byte, as every client will send it: a GET needs no body, and
        // HTTP/1.1 keeps the connection open by default, so nothing else is required.
        Request = Encoding.ASCII.GetBytes($"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {authority}\r\n\r\n");
        ConnectionLifetime = connectionLifetime;
        if (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? literal))
        {
            endPoints = [new IPEndPoint(literal, Port)];
        }
    }

    /// <summary>The encoded request.</summary>
    public ReadOnlyMemory<byte> Request { get; }

    /// <summary>The port connected to.</summary>
    public int Port { get; }

    /// <summary>How long one connection may be reused before it is replaced (<see cref="LoadOptions.PooledConnectionLifetime"/>).</summary>
    public TimeSpan ConnectionLifetime { get; }

    /// <summary>The addresses to try, IPv4 first; resolved on first use.</summary>
    /// <exception cref="SocketException">The name did not resolve.</exception>
    public async ValueTask<IPEndPoint[]> EndPointsAsync(CancellationToken cancellationToken)
    {
        if (endPoints is { } known)
        {
            return known;
        }

        IPAddress[] addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        IPEndPoint[] resolved = [.. addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).Select(a => new IPEndPoint(a, Port))];
        endPoints = resolved;
        return resolved;
    }
}
