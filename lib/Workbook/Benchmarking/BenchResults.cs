using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbook.Benchmarking;

/// <summary>
/// The results file of the benchmark command (<c>results.json</c>): when and how it ran, on what
/// machine, and one <see cref="BenchMeasurement"/> per ratio. Load a recorded run with
/// <see cref="Load"/> and chart it with <see cref="BenchChart"/>.
/// </summary>
/// <remarks>Immutable. The JSON schema is stable: fields are only ever added, and <see cref="Schema"/> changes if one is renamed or removed.</remarks>
public sealed record BenchResults
{
    /// <summary>The schema name and version written to every file.</summary>
    public const string CurrentSchema = "concurrency-workbook/bench/v1";

    private static readonly JsonSerializerOptions s_json = CreateJsonOptions();

    /// <summary>The schema of this file; <see cref="CurrentSchema"/> for files this version writes.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the whole run, in seconds.</summary>
    public required double TotalSeconds { get; init; }

    /// <summary>The command line that produced the file.</summary>
    public required string Command { get; init; }

    /// <summary>Rounds per side-by-side measurement (each contender measured once per round, interleaved).</summary>
    public required int Rounds { get; init; }

    /// <summary>True for a smoke run (<c>--quick</c>): smaller workloads, not judged.</summary>
    public required bool Quick { get; init; }

    /// <summary>True when the verdicts count: a full run with at least <see cref="BenchOptions.MinimumJudgedRounds"/> rounds.</summary>
    public required bool Judged { get; init; }

    /// <summary>The machine and build.</summary>
    public required BenchMachine Machine { get; init; }

    /// <summary>Every measurement, in item order.</summary>
    public required IReadOnlyList<BenchMeasurement> Measurements { get; init; }

    /// <summary>The measurement with id <paramref name="id"/> (e.g. "2b").</summary>
    /// <param name="id">The id.</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="KeyNotFoundException">No measurement has that id (the message lists them).</exception>
    public BenchMeasurement this[string id] =>
        Measurements.FirstOrDefault(m => m.Id == id)
        ?? throw new KeyNotFoundException($"No measurement '{id}' in these results. Ids: {string.Join(", ", Measurements.Select(m => m.Id))}.");

    /// <summary>The measurements judged against a target (met or not met).</summary>
    [JsonIgnore]
    public IReadOnlyList<BenchMeasurement> JudgedMeasurements => [.. Measurements.Where(m => m.Met is not null)];

    /// <summary>Reads a results file, e.g. <c>BenchResults.Load("../data/bench/results.json")</c> from a notebook.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The results.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (the message says how to make one).</exception>
    /// <exception cref="InvalidDataException">The file is not a results file of a schema this version reads.</exception>
    public static BenchResults Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException(
                $"The benchmark results {full} do not exist. Record them with: dotnet run -c Release --project lib/Workbook.Bench -- --record", full);
        }

        return FromJson(File.ReadAllText(full), full);
    }

    /// <summary>Parses results from JSON text.</summary>
    /// <param name="json">The text of a results file.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <returns>The results.</returns>
    /// <exception cref="InvalidDataException">Bad JSON, a missing field, or an unknown schema.</exception>
    public static BenchResults FromJson(string json, string source = "the text")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        BenchResults? results;
        try
        {
            results = JsonSerializer.Deserialize<BenchResults>(json, s_json);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{source} is not a benchmark results file: {error.Message}", error);
        }

        if (results is null)
        {
            throw new InvalidDataException($"{source} holds JSON null, not benchmark results.");
        }

        if (results.Schema != CurrentSchema)
        {
            throw new InvalidDataException($"{source} has schema '{results.Schema}'; this version reads '{CurrentSchema}'.");
        }

        return results;
    }

    /// <summary>The results as indented JSON, in the stable schema.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToJson() + Environment.NewLine);
    }

    /// <summary>The ratio table, as the command prints it.</summary>
    /// <returns>The table.</returns>
    public override string ToString() => BenchTable.Format(this);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            // NaN cannot appear in JSON; a ratio that is not a number is stored as null instead.
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }
}
