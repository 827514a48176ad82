using System.Globalization;
using System.Text.Json;

namespace Workbook.Threads;

/// <summary>
/// A measurement of CPython counting primes sequentially, with 1..N threads and with 1..N
/// processes, recorded by <c>data/python/threads_cpu.py</c> as JSON. Chapter 01 charts it next
/// to .NET threads doing the same work.
/// </summary>
/// <remarks>Immutable once loaded, so it is safe to share between threads.</remarks>
public sealed class CPythonRecording
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private CPythonRecording(string source, Dto dto, CPythonMachine machine, IReadOnlyList<CPythonRun> runs)
    {
        Source = source;
        RecordedAt = dto.RecordedAt;
        Machine = machine;
        Limit = dto.Workload!.Limit;
        Primes = dto.Workload.Primes;
        Timing = dto.Workload.Timing ?? "";
        Runs = runs;
    }

    /// <summary>The file it was loaded from.</summary>
    public string Source { get; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; }

    /// <summary>The machine and interpreter it was recorded on.</summary>
    public CPythonMachine Machine { get; }

    /// <summary>The primes counted are those below this number.</summary>
    public int Limit { get; }

    /// <summary>How many primes every run found.</summary>
    public int Primes { get; }

    /// <summary>How the times were taken, e.g. <c>best of 3 runs</c>.</summary>
    public string Timing { get; }

    /// <summary>Every recorded run, in file order.</summary>
    public IReadOnlyList<CPythonRun> Runs { get; }

    /// <summary>The single-threaded baseline every speedup is relative to.</summary>
    public CPythonRun Sequential => Runs.First(r => r.Mode == "sequential");

    /// <summary>The runs with 1..N threads (a <c>ThreadPoolExecutor</c>), by worker count.</summary>
    public IReadOnlyList<CPythonRun> Threads => Mode("threads");

    /// <summary>The runs with 1..N processes (a <c>ProcessPoolExecutor</c>), by worker count.</summary>
    public IReadOnlyList<CPythonRun> Processes => Mode("processes");

    /// <summary>Reads a recording written by <c>threads_cpu.py</c>.</summary>
    /// <param name="path">The JSON file, e.g. <c>../data/python/threads_cpu.json</c> from a notebook.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a recording: bad JSON or a missing or impossible value (the message names it).</exception>
    public static CPythonRecording Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The CPython recording {full} does not exist. Record it with: python3 data/python/threads_cpu.py > data/python/threads_cpu.json", full);
        }

        Dto dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(File.ReadAllText(full), s_json) ?? throw Invalid(full, "the file holds JSON null");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The CPython recording {full} is not valid JSON: {error.Message}", error);
        }

        MachineDto m = dto.Machine ?? throw Invalid(full, "\"machine\" is missing");
        WorkloadDto w = dto.Workload ?? throw Invalid(full, "\"workload\" is missing");
        if (w.Limit < 1 || w.Primes < 0)
        {
            throw Invalid(full, $"the workload's limit ({w.Limit}) must be at least 1 and its prime count ({w.Primes}) not negative");
        }

        var runs = new List<CPythonRun>();
        foreach (RunDto r in dto.Results ?? throw Invalid(full, "\"results\" is missing"))
        {
            // Seconds must be positive: every speedup divides by it.
            if (string.IsNullOrWhiteSpace(r.Mode) || r.Workers < 1 || !(r.Seconds > 0) || !(r.Speedup > 0))
            {
                throw Invalid(full, string.Create(CultureInfo.InvariantCulture, $"a result has mode '{r.Mode}', {r.Workers} workers, {r.Seconds} s, speedup {r.Speedup}; each needs a mode, at least 1 worker and positive seconds and speedup"));
            }

            runs.Add(new CPythonRun(r.Mode, r.Workers, r.Seconds, r.Speedup));
        }

        if (!runs.Any(r => r.Mode == "sequential"))
        {
            throw Invalid(full, "there is no \"sequential\" result to compare the others with");
        }

        var machine = new CPythonMachine(
            m.Cpu ?? "unknown CPU", m.LogicalCores, m.UsableCores, m.Os ?? "unknown OS", m.Python ?? "?", m.Implementation ?? "Python", m.Gil, m.LoadAverageBefore);
        return new CPythonRecording(full, dto, machine, runs);
    }

    /// <summary>E.g. <c>CPython 3.11.7 (GIL on) on 2 usable cores …, recorded 2026-11-24: 41,538 primes below 500,000, sequential 1.234 s (best of …)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Machine}, recorded {RecordedAt:yyyy-MM-dd}: {Primes:N0} primes below {Limit:N0}, sequential {Sequential.Seconds:0.000} s ({Timing})");

    private IReadOnlyList<CPythonRun> Mode(string mode) => [.. Runs.Where(r => r.Mode == mode).OrderBy(r => r.Workers)];

    private static InvalidDataException Invalid(string path, string problem) =>
        new($"The CPython recording {path} is not usable: {problem}.");

    private sealed record Dto(DateTimeOffset RecordedAt, MachineDto? Machine, WorkloadDto? Workload, List<RunDto>? Results);

    private sealed record MachineDto(
        string? Cpu, int LogicalCores, int UsableCores, string? Os, string? Python, string? Implementation, bool Gil, double? LoadAverageBefore);

    private sealed record WorkloadDto(int Limit, int Primes, string? Timing);

    private sealed record RunDto(string Mode, int Workers, double Seconds, double Speedup);
}
