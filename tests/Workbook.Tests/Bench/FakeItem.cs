using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

/// <summary>A benchmark item for tests: declared rows, required tools and a scripted run that records whether it was called.</summary>
internal sealed class FakeItem(int number, params BenchSpec[] specs) : IBenchItem
{
    public int Number { get; } = number;

    public string Title => $"fake item {Number}";

    public IReadOnlyList<BenchSpec> Specs { get; } = specs;

    public IReadOnlyList<ToolRequirement> Requires { get; init; } = [];

    public string? PendingReason { get; init; }

    public Func<BenchContext, IReadOnlyList<BenchMeasurement>> Run { get; init; } = _ => [];

    public int Runs { get; private set; }

    public Task<IReadOnlyList<BenchMeasurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        Runs++;
        return Task.FromResult(Run(context));
    }
}

/// <summary>A tool locator that knows exactly the tools it is given.</summary>
internal sealed class FakeTools(params string[] installed) : IToolLocator
{
    public string? Find(string name) => installed.Contains(name) ? "/usr/bin/" + name : null;
}

/// <summary>Contenders whose samples come from a script, recording the order they were called in.</summary>
internal sealed class ScriptedContenders
{
    private readonly Dictionary<string, Queue<double>> _values = [];

    public List<string> Calls { get; } = [];

    public Contender Add(string name, params double[] values)
    {
        _values[name] = new Queue<double>(values);
        return new Contender(name, "s", _ =>
        {
            Calls.Add(name);
            return ValueTask.FromResult(_values[name].Dequeue());
        });
    }
}

internal static class BenchFixtures
{
    public static BenchContext Context(IToolLocator? tools = null, int rounds = 5, TextWriter? log = null) => new()
    {
        Rounds = rounds,
        Quick = false,
        RepositoryRoot = "/repo",
        OutputDirectory = "/repo/out/bench",
        Tools = tools ?? new FakeTools(),
        Log = log ?? TextWriter.Null,
    };

    public static ContenderResult Contender(string name, params double[] samples) => ContenderResult.FromSamples(name, "s", samples);
}
