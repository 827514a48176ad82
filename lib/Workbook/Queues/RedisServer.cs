using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Workbook.Queues;

/// <summary>
/// A private <c>redis-server</c> started by the workbook: loopback only, a free port, a fresh temporary
/// directory and no persistence. Dispose it to shut it down and delete its directory.
/// </summary>
/// <remarks>
/// Thread-safety: properties may be read from any thread; <see cref="DisposeAsync"/> is idempotent and
/// may race with <see cref="Kill"/>. The child carries <c>WORKBOOK_CHILD=1</c> and
/// <c>WORKBOOK_PARENT_PID</c> in its environment, and any server still running when this process exits
/// normally is killed then, so none outlives the notebook or test run.
/// </remarks>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>The message used whenever redis-server cannot be found.</summary>
    public const string InstallHint = "redis-server not installed: apt-get install redis-server";

    private const int MaxPortAttempts = 5;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(5);
    private static readonly string[] WellKnownPaths = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"];
    private static readonly ConcurrentDictionary<RedisServer, byte> Live = new();

    private readonly Process process;
    private readonly RedisProcessOutput output;
    private readonly Ledger.LedgerEntry processEntry;
    private Ledger.LedgerEntry? listenerEntry;
    private int disposed;
    private volatile bool released;

    static RedisServer() =>
        // Last line of defence: a notebook kernel or test host that exits without disposing us.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in Live.Keys)
            {
                server.Kill();
                server.DeleteDirectory();
            }
        };

    private RedisServer(Process process, RedisProcessOutput output, string binaryPath, int port, string directory)
    {
        this.process = process;
        this.output = output;
        BinaryPath = binaryPath;
        Port = port;
        DataDirectory = directory;
        ProcessId = process.Id;
        processEntry = Ledger.ResourceLedger.Process($"redis-server on port {port.ToString(CultureInfo.InvariantCulture)}", process.Id, port);
    }

    /// <summary>True when a redis-server binary is on PATH or in a usual install location.</summary>
    public static bool IsAvailable => FindBinary() is not null;

    /// <summary>Full path of the redis-server that was started.</summary>
    public string BinaryPath { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string for StackExchange.Redis, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The temporary working directory (deleted on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary>Operating-system id of the redis-server process.</summary>
    public int ProcessId { get; }

    /// <summary>True once the server process has ended.</summary>
    public bool HasExited => released || process.HasExited;

    /// <summary>Finds redis-server on PATH, then in usual install locations.</summary>
    /// <returns>The full path, or null when it is not installed.</returns>
    public static string? FindBinary() => FindBinary(Environment.GetEnvironmentVariable("PATH"), WellKnownPaths);

    /// <summary>Starts a server using the redis-server found by <see cref="FindBinary()"/>.</summary>
    /// <param name="cancellationToken">Abandons the start (the child is killed).</param>
    /// <returns>A server that has answered PING.</returns>
    /// <exception cref="InvalidOperationException">redis-server is not installed, or it failed to start (its output is included).</exception>
    public static Task<RedisServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(binaryPath: null, cancellationToken);

    /// <summary>Starts a server from a given binary.</summary>
    /// <param name="binaryPath">Path of redis-server; null to search for it.</param>
    /// <param name="cancellationToken">Abandons the start (the child is killed).</param>
    /// <returns>A server that has answered PING.</returns>
    /// <exception cref="InvalidOperationException">The binary is missing, or it failed to start (its output is included).</exception>
    public static async Task<RedisServer> StartAsync(string? binaryPath, CancellationToken cancellationToken = default)
    {
        var binary = binaryPath ?? FindBinary()
            ?? throw new InvalidOperationException($"{InstallHint} (searched PATH and {string.Join(", ", WellKnownPaths)}).");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{InstallHint} (no file at {binary}).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = RedisLauncher.FreeLoopbackPort();
            var directory = Directory.CreateTempSubdirectory("workbook-redis-").FullName;
            var (process, output) = RedisLauncher.Launch(binary, port, directory);
            var server = new RedisServer(process, output, binary, port, directory);
            Live.TryAdd(server, 0);
            try
            {
                await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                server.listenerEntry = Ledger.ResourceLedger.Listener($"redis-server (pid {server.ProcessId.ToString(CultureInfo.InvariantCulture)})", System.Net.IPAddress.Loopback, port, server.ProcessId);
                return server;
            }
            catch (RedisPortTakenException) when (attempt < MaxPortAttempts)
            {
                // Another process grabbed the port between our probe and redis binding it: try another.
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Kills the server at once, as a crash would (for demonstrating broker failure).</summary>
    public void Kill()
    {
        try
        {
            if (!HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Already gone: exactly what we wanted.
        }
    }

    /// <summary>Asks the server to SHUTDOWN NOSAVE (killing it if it does not stop promptly),
    /// waits for it to exit and deletes its directory.</summary>
    /// <returns>A task that completes when the process has exited and the directory is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        using var limit = new CancellationTokenSource(StopLimit);
        if (!process.HasExited)
        {
            await TrySendAsync("SHUTDOWN NOSAVE", limit.Token).ConfigureAwait(false);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        await process.WaitForExitAsync(CancellationToken.None).WaitAsync(StopLimit).ConfigureAwait(false);
        released = true;
        process.Dispose();
        DeleteDirectory();
        Live.TryRemove(this, out _);
        Ledger.ResourceLedger.Closed(listenerEntry);
        Ledger.ResourceLedger.Closed(processEntry);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"redis-server on {ConnectionString} (pid {ProcessId}{(HasExited ? ", exited" : string.Empty)})";

    internal static string? FindBinary(string? pathVariable, IEnumerable<string> fallbacks)
    {
        var onPath = (pathVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "redis-server.exe" : "redis-server"));
        return onPath.Concat(fallbacks).FirstOrDefault(File.Exists);
    }

    /// <summary>Sends one inline command to this server over a raw socket; null if it did not answer.</summary>
    internal Task<string?> TrySendAsync(string command, CancellationToken cancellationToken) =>
        RedisLauncher.TrySendAsync(Port, command, cancellationToken);

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        while (true)
        {
            if (process.HasExited)
            {
                // Let the output readers catch up before quoting the output.
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                var text = output.Tail();
                if (text.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    throw new RedisPortTakenException();
                }

                throw new InvalidOperationException(
                    $"redis-server exited with code {process.ExitCode} before answering PING. Its output:{Environment.NewLine}{text}");
            }

            if (await TrySendAsync("PING", limit.Token).ConfigureAwait(false) is { } reply && reply.StartsWith("+PONG", StringComparison.Ordinal))
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"redis-server on port {Port} did not answer PING within {StartLimit.TotalSeconds:0} s. Its output:{Environment.NewLine}{output.Tail()}");
            }
        }
    }

    private void DeleteDirectory()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private sealed class RedisPortTakenException : Exception;
}
