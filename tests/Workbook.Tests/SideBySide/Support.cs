using System.Globalization;
using Workbook.SideBySide;

namespace Workbook.Tests.SideBySide;

/// <summary>Bounded awaits, fake interpreters and measurements for the side-by-side tests.</summary>
internal static class Support
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Bound);

    /// <summary>An executable shell script standing in for python3 (Linux and macOS).</summary>
    public static string FakePython(string folder, string body)
    {
        string path = Path.Combine(folder, "fake-python-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The fake interpreters are shell scripts: these tests need Linux or macOS.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>True while a process with this id exists in any state, zombie included (Linux: /proc).</summary>
    public static bool Exists(int pid) => Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>True while a process with this id exists and is not a zombie (killed but not yet reaped).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            // /proc/<pid>/stat is "pid (name) S ...": the state letter follows the closing parenthesis.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            char state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) until a file exists: a gate on something another process does.</summary>
    public static async Task UntilExistsAsync(string path)
    {
        using var limit = new CancellationTokenSource(Bound);
        while (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            await Task.Delay(20, limit.Token);
        }
    }

    public static SideMeasurement Measurement(IEnumerable<(string, long)> result, IEnumerable<(string, double)> seconds) =>
        new(result.Select(r => KeyValuePair.Create(r.Item1, r.Item2)), seconds.Select(s => KeyValuePair.Create(s.Item1, s.Item2)));

    public static readonly PythonInterpreter Interpreter = new("CPython", "3.11.7", GilEnabled: true, UsableCores: 2);

    public static readonly RunInfo Run = new(DateTimeOffset.Parse("2026-01-02T03:04:05Z", CultureInfo.InvariantCulture), new MachineInfo("Test CPU", 2, "Test OS", ".NET 10", 0.5), CSharpOptimized: false);

    /// <summary>A valid line of script output for <paramref name="workload"/>, with the given result and seconds.</summary>
    public static string Output(Workload workload, string result, string seconds, string? parameters = null, string technique = "") =>
        "{\"technique\": \"" + (technique.Length > 0 ? technique : workload.Command) + "\", "
        + "\"interpreter\": {\"implementation\": \"CPython\", \"version\": \"3.11.7\", \"gil\": true, \"usableCores\": 2}, "
        + "\"parameters\": " + (parameters ?? "{" + string.Join(", ", workload.Parameters.Select(p => $"\"{p.Key}\": {p.Value}")) + "}") + ", "
        + "\"result\": " + result + ", \"seconds\": " + seconds + "}";
}
