using System.Globalization;
using System.Text.Json;
using Workbook.Async;
using Workbook.Networking;

namespace Workbook.Bench.Children;

/// <summary>
/// The modes this program runs in when the benchmark starts it as a child (<c>--child MODE …</c>):
/// a demo server in its own process, and one starvation run in a fresh process (a fresh thread pool).
/// </summary>
/// <remarks>Each mode ends on its own: the server when its stdin closes (also when the parent dies), a starvation run when it is done.</remarks>
internal static class ChildModes
{
    /// <summary>The first argument that selects a child mode.</summary>
    public const string Flag = "--child";

    /// <summary>The line prefix the server child prints with its address.</summary>
    public const string ListeningPrefix = "listening ";

    /// <summary>Runs the child mode named in <paramref name="args"/> (after <see cref="Flag"/>).</summary>
    /// <param name="args">The whole command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        string mode = args.Length > 1 ? args[1] : "";
        switch (mode)
        {
            case "serve":
                await ServeAsync().ConfigureAwait(false);
                return 0;
            case "starvation" when args.Length == 5:
                await StarvationAsync(Enum.Parse<RequestStyle>(args[2]), Int(args[3]), Int(args[4])).ConfigureAwait(false);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"unknown child mode: {string.Join(' ', args)}").ConfigureAwait(false);
                return 2;
        }
    }

    /// <summary>Serves the networking chapter's <see cref="DemoServer"/> until stdin closes.</summary>
    private static async Task ServeAsync()
    {
        await using DemoServer server = await DemoServer.StartAsync().ConfigureAwait(false);
        Console.WriteLine(ListeningPrefix + server.BaseAddress);
        Console.Out.Flush();
        // The parent closes our stdin to stop us; if the parent dies, the pipe closes all the same.
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
    }

    /// <summary>One <see cref="StarvationDemo"/> run in this fresh process, printed as one JSON line.</summary>
    private static async Task StarvationAsync(RequestStyle style, int requests, int minWorkerThreads)
    {
        if (minWorkerThreads > 0)
        {
            ThreadPool.GetMinThreads(out _, out int io);
            ThreadPool.SetMinThreads(minWorkerThreads, io);
        }

        StarvationRun run = await StarvationDemo.RunAsync(style, requests).ConfigureAwait(false);
        var line = new StarvationChildResult(
            run.Elapsed.TotalSeconds, run.Io.TotalSeconds, run.Requests, run.Completed, run.GaveUp, run.ThreadsAtStart, run.PeakThreads, run.MinWorkerThreads);
        Console.WriteLine(JsonSerializer.Serialize(line, StarvationChildResult.Json));
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>What a starvation child reports: the demo's own timing and the pool's growth.</summary>
/// <param name="ElapsedSeconds">From queuing the requests to the last one finishing.</param>
/// <param name="IoSeconds">One request's I/O: the ideal time for all of them.</param>
/// <param name="Requests">Requests queued.</param>
/// <param name="Completed">Requests that finished.</param>
/// <param name="GaveUp">True when the run hit its time limit.</param>
/// <param name="ThreadsAtStart">Pool threads when the run began.</param>
/// <param name="PeakThreads">The most pool threads seen.</param>
/// <param name="MinWorkerThreads">The pool's minimum during the run.</param>
internal sealed record StarvationChildResult(
    double ElapsedSeconds, double IoSeconds, int Requests, int Completed, bool GaveUp, int ThreadsAtStart, int PeakThreads, int MinWorkerThreads)
{
    /// <summary>The JSON settings both sides use.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
