using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workbook.Queues;

/// <summary>The operating-system side of <see cref="RedisServer"/>: choosing a port, building the
/// command line, starting the process and talking to it over a raw socket.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class RedisLauncher
{
    public static int FreeLoopbackPort()
    {
        // Port 0 makes the OS choose a free port; we release it and hand the number to redis-server.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static (Process Process, RedisProcessOutput Output) Launch(string binary, int port, string directory)
    {
        var process = Process.Start(CreateStartInfo(binary, port, directory))
            ?? throw new InvalidOperationException($"Could not start {binary}.");
        return (process, new RedisProcessOutput(process));
    }

    /// <summary>The exact command line and environment of the child (redis rewrites its own
    /// /proc environ for its process title, so this is where the markers can be checked).</summary>
    public static ProcessStartInfo CreateStartInfo(string binary, int port, string directory)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            // No RDB snapshots and no append-only file: nothing is written to disk.
            "--save", string.Empty,
            "--appendonly", "no",
            "--dir", directory,
            "--daemonize", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["WORKBOOK_CHILD"] = "1";
        start.Environment["WORKBOOK_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        return start;
    }

    /// <summary>Sends one inline command over a raw socket and returns the first reply line.</summary>
    public static async Task<string?> TrySendAsync(int port, string command, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken).ConfigureAwait(false);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return read == 0 ? null : Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
