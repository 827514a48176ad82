using System.Diagnostics;
using System.Threading.Channels;
using Workbook.Processes;
using Workbook.Processes.Wire;

namespace Workbook.Worker;

/// <summary>The named operations a worker knows, each turning a request into a reply.</summary>
/// <remarks>Failures become "error" replies; only "crash" takes the process down.</remarks>
internal static class Operations
{
    public static async Task<WireReply> ExecuteAsync(
        WireRequest request, ChannelWriter<WireLog> logs, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        void Log(string message, double? progress = null) => logs.TryWrite(new WireLog(
            request.Id, request.Label, progress is null ? WireNames.Info : WireNames.Progress, message, progress));
        void Progress(double fraction) => Log($"{fraction:P0} done", fraction);

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            (long value, string? text) = request.Operation switch
            {
                WireNames.Primes => Run(() =>
                {
                    Log($"counting primes in [{request.A}, {request.B})");
                    return CpuWork.CountPrimes(request.A, request.B, Progress, cancellationToken);
                }),
                WireNames.Spin => Run(() =>
                {
                    Log($"spinning {request.A} iterations");
                    return CpuWork.Spin(request.A, Progress, cancellationToken);
                }),
                WireNames.Sleep => await SleepAsync(request.A, Log, cancellationToken),
                WireNames.Echo => (0, request.Text),
                WireNames.Pid => (Environment.ProcessId, null),
                WireNames.Throw => throw new InvalidOperationException(request.Text ?? "The work item asked to fail."),
                WireNames.Crash => Crash(request),
                _ => throw new NotSupportedException($"Unknown operation '{request.Operation}'."),
            };
            return new WireReply(request.Id, WireNames.Ok, value, text, ElapsedMs: Elapsed(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new WireReply(request.Id, WireNames.Cancelled, ElapsedMs: Elapsed(started));
        }
        catch (Exception ex)
        {
            return new WireReply(
                request.Id, WireNames.Error, ErrorType: ex.GetType().FullName, Error: ex.Message, ElapsedMs: Elapsed(started));
        }
    }

    private static (long, string?) Run(Func<long> compute) => (compute(), null);

    private static async Task<(long, string?)> SleepAsync(
        long milliseconds, Action<string, double?> log, CancellationToken cancellationToken)
    {
        log($"sleeping {milliseconds} ms", null);
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);
        return (milliseconds, null);
    }

    private static (long, string?) Crash(WireRequest request)
    {
        // FailFast skips finally blocks and exit handlers: the closest managed code gets to a
        // segfault, which is exactly what the pool's crash isolation has to survive.
        Console.Error.WriteLine($"workbook worker {Environment.ProcessId}: crashing on purpose ('{request.Label}').");
        Environment.FailFast($"Work item '{request.Label}' asked the worker to crash.");
        return (0, null);
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
