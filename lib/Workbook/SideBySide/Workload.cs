using System.Globalization;

namespace Workbook.SideBySide;

/// <summary>
/// What both sides of one technique run: its parameters (passed to the Python script as
/// <c>--name value</c> and used as they are by the C# side) and a one-line description.
/// </summary>
/// <remarks>Immutable, so safe to share between threads.</remarks>
public sealed class Workload
{
    private readonly KeyValuePair<string, long>[] _parameters;

    /// <summary>Creates a workload; <see cref="For"/> makes the standard ones.</summary>
    /// <param name="technique">The technique it demonstrates.</param>
    /// <param name="parameters">Names (as the script's options, without <c>--</c>) and values, each at least 1.</param>
    /// <exception cref="ArgumentException">A name is blank or repeated, or a value is below 1.</exception>
    public Workload(Technique technique, IEnumerable<KeyValuePair<string, long>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Technique = technique;
        _parameters = [.. parameters];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, long value) in _parameters)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new ArgumentException($"Workload parameter names must be non-blank and unique; '{name}' is not.", nameof(parameters));
            }

            if (value < 1)
            {
                throw new ArgumentException($"Workload parameter '{name}' is {value}; every parameter must be at least 1.", nameof(parameters));
            }
        }
    }

    /// <summary>The technique this workload demonstrates.</summary>
    public Technique Technique { get; }

    /// <summary>The parameters in the order the script lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Parameters => _parameters;

    /// <summary>The subcommand of <c>side_by_side.py</c> that runs the Python half, e.g. <c>threads</c>.</summary>
    public string Command => Technique.ToString().ToLowerInvariant();

    /// <summary>One parameter's value.</summary>
    /// <param name="name">Its name, e.g. <c>"limit"</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The workload has no such parameter (the message lists the ones it has).</exception>
    public long this[string name] =>
        _parameters.FirstOrDefault(p => p.Key == name) is { Key: not null } found
            ? found.Value
            : throw new KeyNotFoundException($"The {Command} workload has no parameter '{name}'; it has {string.Join(", ", _parameters.Select(p => p.Key))}.");

    /// <summary>One parameter as an <see cref="int"/>.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="OverflowException">The value does not fit an <see cref="int"/>.</exception>
    public int Int(string name) => checked((int)this[name ?? throw new ArgumentNullException(nameof(name))]);

    /// <summary>The script's arguments: the subcommand, then <c>--name value</c> for every parameter.</summary>
    public IReadOnlyList<string> ScriptArguments =>
        [Command, .. _parameters.SelectMany(p => new[] { "--" + p.Key, p.Value.ToString(CultureInfo.InvariantCulture) })];

    /// <summary>What both sides do, in words, e.g. <c>count the primes below 200,000 on 2 threads</c>.</summary>
    public string Description => Technique switch
    {
        Technique.Threads => Text($"count the primes below {this["limit"]:N0}, on one thread and on {this["workers"]} threads"),
        Technique.Processes => Text($"start {this["workers"]} worker processes, count the primes below {this["limit"]:N0} in {this["chunks"]} chunks on them"),
        Technique.Async => Text($"{this["waits"]:N0} concurrent waits of {this["delay-ms"]:N0} ms each"),
        Technique.Generators => Text($"sum 2 × i for {this["items"]:N0} items, from a plain loop and from a generator/iterator"),
        Technique.Networking => Text($"{this["clients"]} clients × {this["exchanges"]} request/reply round trips over TCP on 127.0.0.1"),
        Technique.Queues => Text($"hand {this["items"]:N0} items from a producer to a consumer through a queue bounded at {this["capacity"]:N0}"),
        Technique.Balancing => Text($"{this["requests"]:N0} requests over 4 backends (weights 4, 2, 1, 1) with three policies"),
        Technique.Caching => Text($"{this["calls"]:N0} calls of a CPU-bound function, uncached and through an LRU cache of {this["maxsize"]}"),
        _ => Technique.ToString(),
    };

    /// <summary>The workload of <paramref name="technique"/> at <paramref name="size"/>.</summary>
    /// <param name="technique">The technique.</param>
    /// <param name="size">Standard (the notebook's) or small (tests).</param>
    /// <param name="workers">Threads or processes for the CPU-bound techniques (at least 1).</param>
    /// <returns>The workload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1, or an unknown technique or size.</exception>
    public static Workload For(Technique technique, WorkloadSize size = WorkloadSize.Standard, int workers = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        bool small = size switch
        {
            WorkloadSize.Standard => false,
            WorkloadSize.Small => true,
            _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown workload size."),
        };

        // Standard sizes keep each technique to a few seconds of CPython on a busy 2-core machine.
        (string, long)[] parameters = technique switch
        {
            Technique.Threads => [("limit", small ? 20_000 : 200_000), ("workers", workers), ("repeats", small ? 1 : 3)],
            Technique.Processes => [("limit", small ? 20_000 : 200_000), ("workers", workers), ("chunks", small ? 4 : 16), ("repeats", small ? 1 : 2)],
            Technique.Async => [("waits", small ? 1_000 : 100_000), ("delay-ms", small ? 50 : 500), ("repeats", 1)],
            Technique.Generators => [("items", small ? 10_000 : 2_000_000), ("repeats", small ? 1 : 3)],
            Technique.Networking => [("clients", small ? 4 : 50), ("exchanges", small ? 10 : 100), ("repeats", small ? 1 : 2)],
            Technique.Queues => [("items", small ? 2_000 : 100_000), ("capacity", small ? 100 : 1_000), ("repeats", small ? 1 : 2)],
            Technique.Balancing => [("requests", small ? 2_000 : 100_000), ("seed", 42), ("repeats", small ? 1 : 2)],
            Technique.Caching => [("calls", small ? 500 : 10_000), ("maxsize", small ? 16 : 128), ("seed", 7), ("repeats", small ? 1 : 2)],
            _ => throw new ArgumentOutOfRangeException(nameof(technique), technique, "Unknown technique."),
        };
        return new Workload(technique, parameters.Select(p => KeyValuePair.Create(p.Item1, p.Item2)));
    }

    /// <summary>The subcommand and its parameters, e.g. <c>threads --limit 200000 --workers 2 --repeats 3</c>.</summary>
    public override string ToString() => string.Join(' ', ScriptArguments);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
