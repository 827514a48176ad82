using Workbook.Networking;
using Workbook.Runner.Execution;
using Workbook.Tests.Processes;
using Workbook.Tests.Runner;
using Workbook.Tests.Support;

namespace Workbook.Tests.Reliability;

/// <summary>
/// Nothing left behind, checked by the runner: a notebook that leaves a server listening or a worker
/// running after its last cell fails, naming each leftover, and the leftovers are gone afterwards; a
/// notebook that disposes what it opened passes, even when run twice in one kernel, and its outcome lists
/// every server it opened, each bound to 127.0.0.1.
/// </summary>
[Collection(RunnerCollection.Name)]
public class NotebookLeftoverTests
{
    [Fact]
    public async Task Run_NotebookLeavesServerWorkerAndSocket_FailsNamingEachAndNoneRemains()
    {
        using var temp = new TempFolder();
        var portsFile = temp.File("ports.txt").Replace("\\", "/", StringComparison.Ordinal);
        var dib = SyntheticNotebook.Cells(
            SyntheticNotebook.ReferenceLibrary,
            $$"""
            var forgotten = await Workbook.Networking.DemoServer.StartAsync(new Workbook.Networking.DemoServerOptions { Name = "forgotten" });
            var worker = await Workbook.Processes.WorkerProcess.StartAsync();
            var raw = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            raw.Start();
            System.IO.File.WriteAllText("{{portsFile}}", $"{forgotten.Port} {worker.ProcessId} {((System.Net.IPEndPoint)raw.LocalEndpoint).Port}");
            """);

        var outcome = await SyntheticNotebook.RunAsync(temp, dib);

        var numbers = File.ReadAllText(portsFile).Split(' ').Select(int.Parse).ToArray();
        var (serverPort, workerPid, rawPort) = (numbers[0], numbers[1], numbers[2]);
        Assert.All(outcome.Cells, c => Assert.Equal(CellStatus.Passed, c.Status));
        Assert.False(outcome.Succeeded);
        Assert.Contains($"still listening: listener 127.0.0.1:{serverPort} (DemoServer 'forgotten', open)", outcome.Error);
        Assert.Contains($"still running: process {workerPid} (WorkerProcess, open)", outcome.Error);
        Assert.Contains($"still listening: 127.0.0.1:{rawPort} (a socket the notebook opened)", outcome.Error);
        Assert.Contains("Leftover processes were killed", outcome.Error);
        Assert.False(ChildProcesses.IsAlive(workerPid), "the leftover worker was killed");
        Assert.False(SocketCensus.IsListening(serverPort));
        Assert.False(SocketCensus.IsListening(rawPort));
    }

    [Fact]
    public async Task Run_NotebookDisposesWhatItOpensRunTwice_PassesAndListsEveryServerOnLoopback()
    {
        using var temp = new TempFolder();
        var dib = SyntheticNotebook.Cells(
            SyntheticNotebook.ReferenceLibrary,
            """
            await using (var server = await Workbook.Networking.DemoServer.StartAsync())
            await using (var lines = Workbook.Networking.LineServer.Start())
            await using (var worker = await Workbook.Processes.WorkerProcess.StartAsync())
            {
                using var client = new System.Net.Http.HttpClient();
                Console.WriteLine(await client.GetStringAsync(server.Url("/fast")));
            }
            """);

        var outcome = await SyntheticNotebook.RunAsync(temp, dib, repeat: 2);

        Assert.True(outcome.Succeeded, $"{outcome.Error} {string.Join("; ", outcome.Cells.Select(c => c.Error))}");
        Assert.Equal(4, outcome.Cells.Count);
        var resources = outcome.Resources!;
        Assert.Equal(4, resources.Count(r => r.Kind == "Listener"));
        Assert.Equal(2, resources.Count(r => r.Kind == "Process" && r.Owner == "WorkerProcess"));
        Assert.All(resources, r => Assert.True(r.Closed, $"{r} was not closed"));
        Assert.All(resources.Where(r => r.Kind == "Listener"), r => Assert.Equal("127.0.0.1", r.Address));
    }
}
