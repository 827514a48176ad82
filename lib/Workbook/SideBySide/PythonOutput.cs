using System.Globalization;
using System.Text.Json;

namespace Workbook.SideBySide;

/// <summary>
/// Reads the JSON object <c>side_by_side.py</c> prints and checks it is the answer to the
/// question asked: the right technique, the same parameters, integer results, positive times.
/// </summary>
/// <remarks>Pure functions: thread-safe.</remarks>
internal static class PythonOutput
{
    private const int ShownCharacters = 200;

    /// <summary>Parses and validates the script's stdout for <paramref name="workload"/>.</summary>
    /// <exception cref="InvalidDataException">The output is empty, not JSON, or not the expected shape (the message names the problem).</exception>
    public static PythonReport Parse(string stdout, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(workload);
        string text = stdout.Trim();
        if (text.Length == 0)
        {
            throw new InvalidDataException("Python printed nothing on stdout; the script should print one JSON object.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"Python's output is not JSON ({error.Message}). It began: {Shorten(text)}", error);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Python's output is JSON but not an object: {Shorten(text)}");
            }

            string technique = String(root, "technique", "the output");
            if (technique != workload.Command)
            {
                throw new InvalidDataException($"Python answered for technique '{technique}' but was asked for '{workload.Command}'.");
            }

            CheckParameters(Object(root, "parameters", "the output"), workload);
            JsonElement interpreter = Object(root, "interpreter", "the output");
            var who = new PythonInterpreter(
                String(interpreter, "implementation", "\"interpreter\""),
                String(interpreter, "version", "\"interpreter\""),
                Boolean(interpreter, "gil", "\"interpreter\""),
                checked((int)Integer(interpreter, "usableCores", "\"interpreter\"")));
            return new PythonReport(who, Measurement(root, workload.Command));
        }
    }

    /// <summary>Reads <c>"result"</c> (integers) and <c>"seconds"</c> (positive numbers) of a side's JSON object.</summary>
    /// <exception cref="InvalidDataException">Either is missing, empty, or holds a value of the wrong kind.</exception>
    public static SideMeasurement Measurement(JsonElement side, string what)
    {
        JsonElement result = Object(side, "result", what);
        JsonElement seconds = Object(side, "seconds", what);
        var counts = new List<KeyValuePair<string, long>>();
        foreach (JsonProperty p in result.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt64(out long value))
            {
                throw new InvalidDataException($"In {what}, result \"{p.Name}\" is {p.Value.GetRawText()}; results must be whole numbers.");
            }

            counts.Add(KeyValuePair.Create(p.Name, value));
        }

        var times = new List<KeyValuePair<string, double>>();
        foreach (JsonProperty p in seconds.EnumerateObject())
        {
            double value = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : double.NaN;
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new InvalidDataException($"In {what}, time \"{p.Name}\" is {p.Value.GetRawText()}; times must be positive numbers of seconds.");
            }

            times.Add(KeyValuePair.Create(p.Name, value));
        }

        if (counts.Count == 0 || times.Count == 0)
        {
            throw new InvalidDataException($"In {what}, \"result\" and \"seconds\" must each hold at least one value.");
        }

        return new SideMeasurement(counts, times);
    }

    private static void CheckParameters(JsonElement parameters, Workload workload)
    {
        foreach ((string name, long expected) in workload.Parameters)
        {
            if (!parameters.TryGetProperty(name, out JsonElement value) || !value.TryGetInt64(out long actual))
            {
                throw new InvalidDataException($"Python's output does not echo parameter '{name}'; is data/python/side_by_side.py out of date?");
            }

            if (actual != expected)
            {
                throw new InvalidDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Python ran with {name}={actual} but was asked for {name}={expected}; is data/python/side_by_side.py out of date?"));
            }
        }
    }

    private static JsonElement Object(JsonElement parent, string name, string what) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new InvalidDataException($"In {what}, \"{name}\" is missing or not an object.");

    private static string String(JsonElement parent, string name, string what) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"In {what}, \"{name}\" is missing or not a non-empty string.");

    private static bool Boolean(JsonElement parent, string name, string what) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new InvalidDataException($"In {what}, \"{name}\" is missing or not true/false.");

    private static long Integer(JsonElement parent, string name, string what) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && number > 0
            ? number
            : throw new InvalidDataException($"In {what}, \"{name}\" is missing or not a positive whole number.");

    private static string Shorten(string text) =>
        text.Length <= ShownCharacters ? text : text[..ShownCharacters] + " …";
}
