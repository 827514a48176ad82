using Workbook.Processes;

namespace Workbook.Tests.Processes;

/// <summary>A two-worker pool shared by the tests of a class that do not crash or dispose it.</summary>
public sealed class PoolFixture : IAsyncLifetime
{
    private ProcessPool? _pool;

    public ProcessPool Pool => _pool ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _pool = await ProcessPool.StartAsync(2).Within();

    public async Task DisposeAsync()
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync().AsTask().Within();
        }
    }
}
