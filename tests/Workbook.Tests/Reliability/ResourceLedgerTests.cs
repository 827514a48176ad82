using System.Net;
using System.Net.Sockets;
using Workbook.Ledger;
using Workbook.Networking;
using Workbook.Tests.Support;

namespace Workbook.Tests.Reliability;

/// <summary>
/// The ledger the runner relies on for "nothing left behind": it must see a listening socket, know who
/// holds it, record library servers with the address the kernel really bound, and write the same
/// records to the file named by its environment variable.
/// </summary>
public class ResourceLedgerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void ProcFs_ListenerOfThisProcess_FoundWithLoopbackAddressAndOwnInode()
    {
        Assert.True(ProcFs.IsSupported, "the workbook's machines are Linux");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var found = Assert.Single(ProcFs.Listeners(), l => l.Port == port);

            Assert.Equal(IPAddress.Loopback, found.Address);
            Assert.Contains(found.Inode, ProcFs.SocketInodes(Environment.ProcessId));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task DemoServer_StartedThenDisposed_RecordedOnLoopbackThenClosed()
    {
        using var scope = ResourceLedger.BeginScope("ledger-test-" + Guid.NewGuid().ToString("N"));
        var server = await DemoServer.StartAsync().WaitAsync(Bound);
        var entry = Assert.Single(ResourceLedger.Entries, e => e.Kind == LedgerKind.Listener && e.Port == server.Port);
        Assert.Equal("127.0.0.1", entry.Address);
        Assert.True(entry.IsLoopback);
        Assert.False(entry.IsClosed);
        Assert.Contains(entry, ResourceLedger.Check([entry]).Listening);

        await server.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.True(entry.IsClosed);
        Assert.True(ResourceLedger.Check([entry]).IsClean);
    }

    [Fact]
    public void ReadFile_OpenAndCloseRecords_MatchedById()
    {
        using var temp = new TempFolder();
        var path = temp.File("ledger.jsonl");
        var open = new LedgerEntry("a1", LedgerKind.Process, "WorkerProcess", "", 0, Environment.ProcessId, ProcFs.StartTicks(Environment.ProcessId), Environment.ProcessId, null);
        var shut = new LedgerEntry("b2", LedgerKind.Listener, "LineServer", "0.0.0.0", 4321, Environment.ProcessId, 0, Environment.ProcessId, "s");
        LedgerFile.AppendOpened(path, open);
        LedgerFile.AppendOpened(path, shut);
        LedgerFile.AppendClosed(path, shut);

        var read = ResourceLedger.ReadFile(path);

        Assert.Equal(["a1", "b2"], read.Select(e => e.Id));
        Assert.False(read[0].IsClosed);
        Assert.True(read[1].IsClosed);
        Assert.Equal(("LineServer", "0.0.0.0", 4321, "s"), (read[1].Owner, read[1].Address, read[1].Port, read[1].Scope));
        // This test process is alive and "never closed": a leftover; the 0.0.0.0 listener is reported even though closed.
        var report = ResourceLedger.Check(read);
        Assert.Equal([read[0]], report.Running);
        Assert.Equal([read[1]], report.NotLoopback);
        Assert.Contains("not bound to loopback", report.ToString());
    }

    [Fact]
    public void ReadFile_CorruptLine_SaysWhichLine()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bad.jsonl"), "{\"Event\":\"open\",\"Id\":\"x\"}\nnot json\n");
        var e = Assert.Throws<InvalidDataException>(() => ResourceLedger.ReadFile(temp.File("bad.jsonl")));
        Assert.Contains("line 2", e.Message);
    }
}
