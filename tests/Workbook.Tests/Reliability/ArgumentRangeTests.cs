using System.Runtime.CompilerServices;
using Workbook.Async;
using Workbook.Balancing;
using Workbook.Charts;
using Workbook.Exercises;
using Workbook.Measurement;
using Workbook.Networking;
using Workbook.Processes;
using Workbook.Queues;
using Workbook.Runner.Execution;
using Workbook.Threads;

namespace Workbook.Tests.Reliability;

/// <summary>
/// Out-of-range numbers given to the main APIs (zero or negative counts, negative times, ports outside
/// 1-65535, limits above the documented maximum, NaN rates) are refused at the call with an
/// <see cref="ArgumentOutOfRangeException"/> that names the parameter, before anything starts.
/// </summary>
public class ArgumentRangeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    /// <summary>Each case: a call with one bad number, and the parameter (or option) the exception must name.</summary>
    public static TheoryData<string, Func<Task>, string> BadNumbers() => new()
    {
        { "DemoServer.StartManyAsync(count: 0)", () => DemoServer.StartManyAsync(0), "count" },
        { "DemoServerOptions.MaxRequestBodySize = 0", () => DemoServer.StartAsync(new DemoServerOptions { MaxRequestBodySize = 0 }), "MaxRequestBodySize" },
        { "DemoServerOptions.MaxConcurrentConnections = -1", () => DemoServer.StartAsync(new DemoServerOptions { MaxConcurrentConnections = -1 }), "MaxConcurrentConnections" },
        { "DemoServerOptions.ExtraLatency = -1 ms", () => DemoServer.StartAsync(new DemoServerOptions { ExtraLatency = TimeSpan.FromMilliseconds(-1) }), "ExtraLatency" },
        { "DemoServer.SetExtraLatency(-1 ms)", Sync(() => Unstarted<DemoServer>().SetExtraLatency(TimeSpan.FromMilliseconds(-1))), "latency" },
        { "LoadOptions.Requests(total: 0)", Sync(() => LoadOptions.Requests(Nowhere, 0)), "total" },
        { "LoadOptions.Requests(concurrency: 0)", Sync(() => LoadOptions.Requests(Nowhere, 10, 0)), "concurrency" },
        { "LoadOptions.For(duration: 0)", Sync(() => LoadOptions.For(Nowhere, TimeSpan.Zero)), "duration" },
        { "LoadOptions.Concurrency = 10,001", () => LoadGenerator.RunAsync(new LoadOptions { Url = Nowhere, TotalRequests = 1, Concurrency = 10_001 }), "Concurrency" },
        { "LoadOptions.RequestsPerSecond = NaN", () => LoadGenerator.RunAsync(new LoadOptions { Url = Nowhere, TotalRequests = 1, RequestsPerSecond = double.NaN }), "RequestsPerSecond" },
        { "LoadOptions.RequestTimeout = 0", () => LoadGenerator.RunAsync(new LoadOptions { Url = Nowhere, TotalRequests = 1, RequestTimeout = TimeSpan.Zero }), "RequestTimeout" },
        { "LoadOptions.Client = (LoadClient)42", () => LoadGenerator.RunAsync(new LoadOptions { Url = Nowhere, TotalRequests = 1, Client = (LoadClient)42 }), "Client" },
        { "SocketCensus.Count(port: 0)", Sync(() => SocketCensus.Count(0)), "port" },
        { "SocketCensus.Count(port: 65,536)", Sync(() => SocketCensus.Count(65_536)), "port" },
        { "LineServerOptions.MaxLineLength = 0", Sync(() => LineServer.Start(new LineServerOptions { MaxLineLength = 0 })), "MaxLineLength" },
        { "ProcessPool.StartAsync(workers: 0)", () => ProcessPool.StartAsync(0), "workers" },
        { "ProcessPoolOptions.MaxRetries = -1", Sync(() => new ProcessPoolOptions { MaxRetries = -1 }), "MaxRetries" },
        { "FanOut.TasksAsync(operations: 0)", () => FanOut.TasksAsync(0), "operations" },
        { "FanOut.Threads(operations: MaxThreads + 1)", Sync(() => FanOut.Threads(FanOut.MaxThreads + 1)), "operations" },
        { "Throttling.RunAsync(limit: 0)", () => Throttling.RunAsync(ThrottleMethod.SemaphoreSlim, 10, 0, TimeSpan.FromMilliseconds(1)), "limit" },
        { "RaceDemo.Run(threads: 0)", Sync(() => RaceDemo.Run(CounterStrategy.Interlocked, threads: 0)), "threads" },
        { "Measure.Repeat(repetitions: 0)", Sync(() => Measure.Repeat(() => { }, repetitions: 0)), "repetitions" },
        { "InProcessQueue.ReadNewAsync(max: 0)", () => new InProcessQueue().ReadNewAsync("c", 0), "max" },
        { "InProcessQueue.ReclaimAsync(minIdle: -1 s)", () => new InProcessQueue().ReclaimAsync("c", TimeSpan.FromSeconds(-1)), "minIdle" },
        { "ProducerConsumerOptions.Capacity = 0", () => ProducerConsumer.RunAsync(new ProducerConsumerOptions { Capacity = 0 }), "Capacity" },
        { "Backend.Range(count: 0)", Sync(() => Backend.Range(0)), "count" },
        { "new Backend(weight: 0)", Sync(() => new Backend("a", 0)), "Weight" },
        { "Plot.Histogram(bins: -1)", Sync(() => Plot.Histogram([1.0, 2.0], bins: -1)), "bins" },
        { "ExerciseRunnerOptions.Timeout = 0", Sync(() => new ExerciseRunner(new ExerciseRunnerOptions { Timeout = TimeSpan.Zero })), "Timeout" },
        { "ExecuteOptions.Repeat = 0 (runner)", Sync(() => new ExecuteOptions(TimeSpan.FromSeconds(1), false, 0).Validate()), "Repeat" },
        { "ExecuteOptions.Repeat = 11 (runner)", Sync(() => new ExecuteOptions(TimeSpan.FromSeconds(1), false, 11).Validate()), "Repeat" },
        { "ExecuteOptions.CellTimeout = 0 (runner)", Sync(() => new ExecuteOptions(TimeSpan.Zero, false).Validate()), "CellTimeout" },
    };

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public async Task MainApi_OutOfRangeNumber_ThrowsNamingTheParameter(string call, Func<Task> act, string parameter)
    {
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => act().WaitAsync(Bound));
        Assert.True(e.ParamName == parameter, $"{call}: the exception names '{e.ParamName}', expected '{parameter}' ({e.Message})");
    }

    private static Func<Task> Sync(Action act) => () =>
    {
        act();
        return Task.CompletedTask;
    };

    private static Func<Task> Sync<T>(Func<T> act) => () =>
    {
        _ = act();
        return Task.CompletedTask;
    };

    /// <summary>An instance whose constructor never ran: enough to reach an argument check at the top of a method, with nothing started.</summary>
    private static T Unstarted<T>() => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
}
