using System.Diagnostics;
using System.Globalization;
using Workbook.Tests.Support;

namespace Workbook.Tests.Reliability;

/// <summary>
/// The networking chapter's demo server in a process of its own (the benchmark command's
/// <c>--child serve</c> mode), for loads whose sockets would not fit in one process beside the
/// client's: a 10,000-connection burst needs 10,000 descriptors on each side.
/// </summary>
/// <remarks>Dispose closes its stdin (its signal to stop) and kills the process tree if it has not exited within 10 s.</remarks>
internal sealed class ServerChildProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "listening ";
    private readonly Process _process;

    private ServerChildProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public int ProcessId => _process.Id;

    /// <summary>Where the build put the benchmark program (same configuration as this test assembly).</summary>
    public static string BenchAssembly
    {
        get
        {
            string configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Repo.Root, "artifacts", "bin", "Workbook.Bench", configuration, "Workbook.Bench.dll");
        }
    }

    public static async Task<ServerChildProcess> StartAsync()
    {
        if (!File.Exists(BenchAssembly))
        {
            throw new FileNotFoundException($"Build the solution first: {BenchAssembly} is missing (dotnet build Workbook.sln).", BenchAssembly);
        }

        var info = new ProcessStartInfo(Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? Environment.ProcessPath : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BenchAssembly);
        info.ArgumentList.Add("--child");
        info.ArgumentList.Add("serve");
        info.Environment["WORKBOOK_CHILD"] = "1";
        info.Environment["WORKBOOK_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server child");
        try
        {
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(line is not null && line.StartsWith(ListeningPrefix, StringComparison.Ordinal), $"the server child printed '{line}' instead of its address");
            return new ServerChildProcess(process, new Uri(line![ListeningPrefix.Length..]));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _process.Dispose();
        }
    }
}
