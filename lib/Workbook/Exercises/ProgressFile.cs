using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbook.Exercises;

/// <summary>The JSON shape of the progress file (version 1).</summary>
/// <remarks>
/// <code>
/// { "version": 1, "exercises": { "01.1": { "attempts": 3, "passes": 1, "failures": 1, "notAttempted": 1,
///   "firstPassed": "2025-01-01T10:00:00+00:00", "lastPassed": "...", "lastAttempt": "..." } } }
/// </code>
/// </remarks>
internal sealed class ProgressFile
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int Version { get; set; } = CurrentVersion;

    public Dictionary<string, Entry> Exercises { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Parses the file's text; throws <see cref="JsonException"/> when it is not a valid version-1 document.</summary>
    public static ProgressFile Parse(string json)
    {
        ProgressFile file = JsonSerializer.Deserialize<ProgressFile>(json, s_options)
            ?? throw new JsonException("the file holds 'null' instead of a progress object");
        if (file.Version != CurrentVersion)
        {
            throw new JsonException($"unknown progress file version {file.Version}");
        }

        if (file.Exercises is null || file.Exercises.Values.Any(e => e is null || e.Attempts < 0 || e.Passes < 0 || e.Failures < 0))
        {
            throw new JsonException("the exercise entries are missing or malformed");
        }

        return file;
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_options);

    public ExerciseProgress Get(string id) =>
        Exercises.TryGetValue(id, out Entry? entry)
            ? new ExerciseProgress(id, entry.Attempts, entry.Passes, entry.Failures, entry.NotAttempted, entry.FirstPassed, entry.LastPassed, entry.LastAttempt)
            : ExerciseProgress.None(id);

    public void Set(ExerciseProgress progress) =>
        Exercises[progress.ExerciseId] = new Entry
        {
            Attempts = progress.Attempts,
            Passes = progress.Passes,
            Failures = progress.Failures,
            NotAttempted = progress.NotAttempted,
            FirstPassed = progress.FirstPassed,
            LastPassed = progress.LastPassed,
            LastAttempt = progress.LastAttempt,
        };

    /// <summary>One exercise's counters as stored.</summary>
    internal sealed class Entry
    {
        public int Attempts { get; set; }

        public int Passes { get; set; }

        public int Failures { get; set; }

        public int NotAttempted { get; set; }

        public DateTimeOffset? FirstPassed { get; set; }

        public DateTimeOffset? LastPassed { get; set; }

        public DateTimeOffset? LastAttempt { get; set; }
    }
}
