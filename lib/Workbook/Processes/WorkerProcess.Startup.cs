using System.Diagnostics;
using Nerdbank.Streams;
using Workbook.Processes.Wire;

namespace Workbook.Processes;

/// <content>Start-up: launching the child and opening the two channels.</content>
public sealed partial class WorkerProcess
{
    /// <summary>Starts a worker with a log handler attached before the first message can arrive.</summary>
    internal static async Task<WorkerProcess> StartAsync(Action<WorkerLog>? onLog, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stderr = new StderrTail();
        var process = new Process { StartInfo = WorkerLauncher.CreateStartInfo() };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Add(e.Data);
            }
        };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose(); // Nothing started (e.g. no dotnet host found), so nothing to reap.
            throw;
        }

        process.BeginErrorReadLine();

        MultiplexingStream? mx = null;
        try
        {
            Task exited = process.WaitForExitAsync(CancellationToken.None);
            Stream duplex = FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
            mx = await MultiplexingStream.CreateAsync(
                duplex, new MultiplexingStream.Options { ProtocolMajorVersion = 3 }, cancellationToken).ConfigureAwait(false);
            Task<MultiplexingStream.Channel> work = mx.OfferChannelAsync(WireNames.WorkChannel, cancellationToken);
            Task<MultiplexingStream.Channel> log = mx.OfferChannelAsync(WireNames.LogChannel, cancellationToken);
            Task offered = Task.WhenAll(work, log);
            _ = offered.ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

            // A child that cannot run (no runtime, broken DLL) exits instead of accepting the channels.
            if (await Task.WhenAny(offered, exited).WaitAsync(cancellationToken).ConfigureAwait(false) != offered)
            {
                throw new InvalidOperationException(
                    $"Worker process {process.Id} exited with code {process.ExitCode} during start-up. {stderr.Describe()}");
            }

            var worker = new WorkerProcess(process, mx, await work.ConfigureAwait(false), await log.ConfigureAwait(false));
            if (onLog is not null)
            {
                worker.LogReceived += onLog;
            }

            stderr.Forward = line => worker.Raise(new WorkerLog(worker.ProcessId, null, WorkerLogKind.Stderr, line));
            worker.StartReading();
            return worker;
        }
        catch
        {
            KillQuietly(process);
            if (mx is not null)
            {
                await mx.DisposeAsync().ConfigureAwait(false);
            }

            await WaitBoundedAsync(process.WaitForExitAsync(CancellationToken.None), ExitBound).ConfigureAwait(false);
            process.Dispose();
            throw;
        }
    }
}
