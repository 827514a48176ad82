using Workbook.Processes;

namespace Workbook.Tests.Processes;

/// <summary>One worker process shared by the tests of a class: process start is the slow part.</summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private WorkerProcess? _worker;

    public WorkerProcess Worker => _worker ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _worker = await WorkerProcess.StartAsync().Within();

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync().AsTask().Within();
        }
    }
}
