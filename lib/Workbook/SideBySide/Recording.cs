using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.SideBySide;

/// <summary>
/// Saves a live comparison as JSON (the Python script's own output, the C# measurement, the machine
/// and the date) and loads it back, recomputing the figures with the same rules as a live run.
/// </summary>
/// <remarks>Stateless: thread-safe. Files are written whole (to a temporary name, then moved).</remarks>
internal static class Recording
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>The file of <paramref name="technique"/> in <paramref name="folder"/>, e.g. <c>threads.json</c>.</summary>
    public static string PathFor(string folder, Technique technique) =>
        System.IO.Path.Combine(folder, technique.ToString().ToLowerInvariant() + ".json");

    /// <summary>Writes <paramref name="comparison"/> with Python's raw output to <paramref name="path"/>.</summary>
    public static void Save(string path, Comparison comparison, string pythonJson)
    {
        var root = new JsonObject
        {
            ["technique"] = comparison.Workload.Command,
            ["description"] = "Both halves of one side-by-side run (lib/Workbook/SideBySide): Python's output as it printed it, and the C# measurement of the same workload, taken right after it on the same machine.",
            ["recordedAt"] = comparison.Run.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["machine"] = new JsonObject
            {
                ["cpu"] = comparison.Run.Machine.Cpu,
                ["logicalCores"] = comparison.Run.Machine.LogicalCores,
                ["os"] = comparison.Run.Machine.OperatingSystem,
                ["dotnet"] = comparison.Run.Machine.DotNet,
                ["loadAverage"] = comparison.Run.Machine.LoadAverage,
            },
            ["csharpOptimized"] = comparison.Run.CSharpOptimized,
            ["parameters"] = Parameters(comparison.Workload),
            ["python"] = JsonNode.Parse(pythonJson.Trim()),
            ["csharp"] = new JsonObject
            {
                ["result"] = new JsonObject(comparison.CSharp.Result.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["seconds"] = new JsonObject(comparison.CSharp.Seconds.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Math.Round(p.Value, 6)))),
            },
        };
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString(s_indented) + Environment.NewLine);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a recorded comparison.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a recorded comparison (the message names the problem).</exception>
    public static Comparison Load(string path, Technique technique)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no recorded {technique} comparison at {path}. Record one on a machine with Python: PythonVsCSharp.RecordAsync(Technique.{technique}).", path);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            var workload = new Workload(
                technique,
                root.GetProperty("parameters").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt64())));
            PythonReport python = PythonOutput.Parse(root.GetProperty("python").GetRawText(), workload);
            SideMeasurement csharp = PythonOutput.Measurement(root.GetProperty("csharp"), "the C# side");
            JsonElement machine = root.GetProperty("machine");
            var run = new RunInfo(
                DateTimeOffset.Parse(root.GetProperty("recordedAt").GetString()!, CultureInfo.InvariantCulture),
                new MachineInfo(
                    machine.GetProperty("cpu").GetString()!,
                    machine.GetProperty("logicalCores").GetInt32(),
                    machine.GetProperty("os").GetString()!,
                    machine.GetProperty("dotnet").GetString()!,
                    machine.TryGetProperty("loadAverage", out JsonElement load) && load.ValueKind == JsonValueKind.Number ? load.GetDouble() : null),
                root.GetProperty("csharpOptimized").GetBoolean());
            return new Comparison(workload, python.Interpreter, python.Measurement, csharp, ComparisonSource.Recorded, run);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or InvalidDataException)
        {
            throw new InvalidDataException($"{path} is not a usable recorded comparison: {error.Message}", error);
        }
    }

    private static JsonObject Parameters(Workload workload) =>
        new(workload.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
