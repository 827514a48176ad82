using System.Text.Json;

namespace Workbook.Tuning;

/// <summary>
/// BenchmarkDotNet results read back from its JSON export (<c>*-report-brief.json</c> or
/// <c>*-report-full.json</c>), so a notebook can chart a benchmark run without running it.
/// </summary>
/// <param name="Title">The run's title (the benchmark class and a time stamp).</param>
/// <param name="Machine">The machine and runtime the run measured, as one line.</param>
/// <param name="Rows">One row per benchmark case.</param>
/// <remarks>Immutable once loaded: safe to share between threads.</remarks>
public sealed record BenchmarkReport(string Title, string Machine, IReadOnlyList<BenchmarkRow> Rows)
{
    /// <summary>Reads one JSON report.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The report.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a BenchmarkDotNet JSON report.</exception>
    public static BenchmarkReport Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No benchmark report at {Path.GetFullPath(path)}.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads every <c>*-report-brief.json</c> (or, if none, <c>*-report*.json</c>) in a folder.</summary>
    /// <param name="directory">The folder, e.g. <c>../data/benchmarks</c>.</param>
    /// <returns>The reports, ordered by title.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder holds no report.</exception>
    public static IReadOnlyList<BenchmarkReport> LoadAll(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No benchmark results folder at {Path.GetFullPath(directory)}.");
        }

        string[] files = Directory.GetFiles(directory, "*-report-brief.json");
        if (files.Length == 0)
        {
            files = Directory.GetFiles(directory, "*-report*.json");
        }

        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No BenchmarkDotNet JSON report (*-report-brief.json) in {Path.GetFullPath(directory)}.");
        }

        return [.. files.Select(Load).OrderBy(r => r.Title, StringComparer.Ordinal)];
    }

    /// <summary>Parses the text of a JSON report.</summary>
    /// <param name="json">The report's text.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidDataException">The text is not a BenchmarkDotNet JSON report.</exception>
    public static BenchmarkReport Parse(string json, string source = "the report")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Benchmarks", out JsonElement benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{source} is not a BenchmarkDotNet JSON report: it has no \"Benchmarks\" array.");
            }

            string title = root.TryGetProperty("Title", out JsonElement t) ? t.GetString() ?? "" : "";
            return new BenchmarkReport(title, MachineOf(root), [.. benchmarks.EnumerateArray().Select(b => Row(b, source))]);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {error.Message}", error);
        }
    }

    /// <summary>The rows of one benchmark class.</summary>
    /// <param name="type">The class name, e.g. <c>CounterBenchmarks</c>.</param>
    /// <returns>Its rows, in report order.</returns>
    public IReadOnlyList<BenchmarkRow> Of(string type) =>
        type is null ? throw new ArgumentNullException(nameof(type)) : [.. Rows.Where(r => r.Type == type)];

    /// <summary>The title, the machine and one line per row.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => $"{Title} on {Machine}{Environment.NewLine}" + string.Join(Environment.NewLine, Rows.Select(r => "  " + r));

    private static string MachineOf(JsonElement root)
    {
        if (!root.TryGetProperty("HostEnvironmentInfo", out JsonElement host))
        {
            return "unknown machine";
        }

        string Text(string name) => host.TryGetProperty(name, out JsonElement e) ? e.ToString() : "?";
        return $"{Text("ProcessorName")}, {Text("LogicalCoreCount")} logical cores, {Text("OsVersion")}, {Text("RuntimeVersion")}, "
            + $"{Text("Configuration")} build, BenchmarkDotNet {Text("BenchmarkDotNetVersion")}";
    }

    private static BenchmarkRow Row(JsonElement b, string source)
    {
        string Text(string name) => b.TryGetProperty(name, out JsonElement e) ? e.GetString() ?? "" : "";
        if (!b.TryGetProperty("Statistics", out JsonElement stats) || stats.ValueKind != JsonValueKind.Object)
        {
            // BenchmarkDotNet writes "Statistics": null for a case that failed to run.
            throw new InvalidDataException($"{source}: benchmark {Text("FullName")} has no statistics (did it fail to run?).");
        }

        double Stat(string name) => stats.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;
        double[] values = stats.TryGetProperty("OriginalValues", out JsonElement v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(x => x.GetDouble())]
            : [];
        long? allocated = null;
        long gen0 = 0, operations = 0;
        if (b.TryGetProperty("Memory", out JsonElement memory) && memory.ValueKind == JsonValueKind.Object)
        {
            allocated = memory.TryGetProperty("BytesAllocatedPerOperation", out JsonElement a) && a.ValueKind == JsonValueKind.Number ? a.GetInt64() : null;
            gen0 = memory.TryGetProperty("Gen0Collections", out JsonElement g) ? g.GetInt64() : 0;
            operations = memory.TryGetProperty("TotalOperations", out JsonElement o) ? o.GetInt64() : 0;
        }

        return new BenchmarkRow(
            Text("Type"),
            Text("Method"),
            ParseParameters(Text("Parameters")),
            Stat("Mean"),
            Stat("Median"),
            Stat("StandardDeviation"),
            Stat("Min"),
            Stat("Max"),
            allocated,
            gen0,
            operations,
            values);
    }

    /// <summary>Splits BenchmarkDotNet's <c>Kind=Lock&amp;Threads=4</c> into name/value pairs, in order.</summary>
    internal static IReadOnlyDictionary<string, string> ParseParameters(string text)
    {
        var ordered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                ordered[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        return ordered;
    }
}
