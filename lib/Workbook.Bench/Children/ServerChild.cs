using System.Diagnostics;
using Workbook.Bench.Infrastructure;

namespace Workbook.Bench.Children;

/// <summary>The networking chapter's demo server, running in a child process so that the clients measured against it do not share its process.</summary>
/// <remarks>
/// Not thread-safe; one owner. Disposal closes the child's stdin (its signal to stop), waits up to
/// 5 s, then kills it: the child never outlives the benchmark item.
/// </remarks>
internal sealed class ServerChild : IAsyncDisposable
{
    private readonly Process _process;

    private ServerChild(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the child and waits until it prints its address.</summary>
    /// <param name="cancellationToken">Abandons the start (the child is killed).</param>
    /// <returns>The running server.</returns>
    public static async Task<ServerChild> StartAsync(CancellationToken cancellationToken)
    {
        Process process = SelfLauncher.Start([ChildModes.Flag, "serve"]);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            string? line = await process.StandardOutput.ReadLineAsync(limit.Token).ConfigureAwait(false);
            if (line is null || !line.StartsWith(ChildModes.ListeningPrefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The server child did not report its address (it printed: {line ?? "nothing"}).");
            }

            return new ServerChild(process, new Uri(line[ChildModes.ListeningPrefix.Length..]));
        }
        catch
        {
            await StopAsync(process).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The absolute address of <paramref name="pathAndQuery"/> on the server.</summary>
    /// <param name="pathAndQuery">E.g. <c>/fast</c>.</param>
    /// <returns>The URI.</returns>
    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync(_process));

    private static async Task StopAsync(Process process)
    {
        try
        {
            process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
        }
    }
}
