using Workbook.Benchmarking;

namespace Workbook.Bench.Items;

/// <summary>The benchmark command's items, in the order (#9). Add a new item here and it joins every run, the table and <c>--only</c>.</summary>
internal static class BenchItems
{
    /// <summary>Every item.</summary>
    /// <returns>Items 1-10.</returns>
    public static IReadOnlyList<IBenchItem> All() =>
    [
        new CpuSpeedupItem(),
        new FanOutItem(),
        new StarvationItem(),
        new QueuesItem(),
        new LoadGeneratorItem(),
        new ReverseProxyItem(),
        new SimulatorItem(),
        new ProcessPoolItem(),
        new PythonItem(),
        new NotebooksItem(),
    ];
}
