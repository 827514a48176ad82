using System.Globalization;
using System.Net;

namespace Workbook.Ledger;

/// <summary>A listening TCP socket as the Linux kernel lists it.</summary>
/// <param name="Address">The local address it is bound to.</param>
/// <param name="Port">The local port.</param>
/// <param name="Inode">The socket's inode, which names it in <c>/proc/&lt;pid&gt;/fd</c>.</param>
internal sealed record ListeningSocket(IPAddress Address, int Port, long Inode)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Address}:{Port}");
}

/// <summary>
/// What Linux's /proc says about processes and sockets: start times (so a reused pid is not mistaken
/// for the process recorded), parents, command lines, listening sockets and who holds them.
/// </summary>
/// <remarks>Stateless and thread-safe. Off Linux every query answers "nothing known" (empty, 0 or -1).</remarks>
internal static class ProcFs
{
    private static readonly string[] TcpTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    public static bool IsSupported => OperatingSystem.IsLinux() && Directory.Exists("/proc/self");

    /// <summary>The process's start time in clock ticks since boot, or 0 when unknown.</summary>
    public static long StartTicks(int pid) => StatField(pid, 19) is { } v && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;

    /// <summary>The parent's pid, or -1 when the process is gone or unknown.</summary>
    public static int ParentOf(int pid) => StatField(pid, 1) is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;

    /// <summary>True when the process exists, is not a zombie and (if <paramref name="startTicks"/> is known) is the one that started then.</summary>
    public static bool IsRunning(int pid, long startTicks)
    {
        if (!IsSupported)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return false;
            }
        }

        var state = StatField(pid, 0);
        return state is not null and not "Z" and not "X" && (startTicks == 0 || StartTicks(pid) == startTicks);
    }

    /// <summary>Every live (non-zombie) descendant of <paramref name="pid"/>, children first.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        if (!IsSupported)
        {
            return [];
        }

        var children = new Dictionary<int, List<int>>();
        foreach (var other in AllPids())
        {
            if (StatField(other, 0) is null or "Z" or "X")
            {
                continue;
            }

            var parent = ParentOf(other);
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(other);
        }

        var found = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children.GetValueOrDefault(next) ?? [])
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The process's command line with spaces between the arguments, or "?".</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ').Trim();
            return text.Length > 0 ? text : "?";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>Every listening TCP socket on the machine (IPv4 and IPv6).</summary>
    public static IReadOnlyList<ListeningSocket> Listeners()
    {
        var found = new List<ListeningSocket>();
        if (!IsSupported)
        {
            return found;
        }

        foreach (var table in TcpTables.Where(File.Exists))
        {
            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...", all hex.
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || f[3] != "0A")
                {
                    continue;
                }

                var colon = f[1].LastIndexOf(':');
                if (colon < 0 || !int.TryParse(f[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port)
                    || !long.TryParse(f[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                {
                    continue;
                }

                found.Add(new ListeningSocket(ParseAddress(f[1][..colon]), port, inode));
            }
        }

        return found;
    }

    /// <summary>The inodes of the sockets process <paramref name="pid"/> holds open (empty if it is gone or not ours to read).</summary>
    public static HashSet<long> SocketInodes(int pid)
    {
        var inodes = new HashSet<long>();
        if (!IsSupported)
        {
            return inodes;
        }

        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd"))
            {
                // Each descriptor is a symbolic link; a socket's target reads "socket:[12345]".
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                    && long.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                {
                    inodes.Add(inode);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked, or is not ours.
        }

        return inodes;
    }

    /// <summary>The addresses the kernel lists as listening on <paramref name="port"/>.</summary>
    public static IReadOnlyList<IPAddress> ListeningAddresses(int port) =>
        [.. Listeners().Where(l => l.Port == port).Select(l => l.Address).Distinct()];

    private static IEnumerable<int> AllPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    private static string? StatField(int pid, int index)
    {
        if (!IsSupported)
        {
            return null;
        }

        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return index < fields.Length ? fields[index] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static IPAddress ParseAddress(string hex)
    {
        // The kernel prints each 32-bit word of the address in host (little-endian) order.
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word + 4 <= bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPAddress(bytes);
    }
}
