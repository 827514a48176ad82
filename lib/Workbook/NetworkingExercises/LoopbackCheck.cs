using Workbook.Networking;

namespace Workbook.NetworkingExercises;

/// <summary>
/// What both networking checkers share: a demo server on loopback that is disposed however the
/// check ends, and a deadline shorter than the runner's timeout so the server is always cleaned up.
/// </summary>
internal static class LoopbackCheck
{
    /// <summary>How long one check may wait for the learner's code before reporting a hang.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(8);

    /// <summary>Starts a demo server, runs <paramref name="body"/> against it, and disposes it (synchronously: checkers are synchronous).</summary>
    public static string WithServer(Func<DemoServer, Task<string>> body)
    {
        return Task.Run(async () =>
        {
            DemoServer server = await DemoServer.StartAsync(new DemoServerOptions { Name = "checker" }).ConfigureAwait(false);
            try
            {
                return await body(server).ConfigureAwait(false);
            }
            finally
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }).GetAwaiter().GetResult();
    }
}
