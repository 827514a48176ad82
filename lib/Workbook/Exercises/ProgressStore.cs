using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workbook.Exercises;

/// <summary>
/// The per-user file that remembers which exercises passed, when, and how many attempts and
/// failures each had.
/// </summary>
/// <remarks>
/// <para>
/// Location (<see cref="DefaultPath"/>): the path in the <c>WORKBOOK_PROGRESS</c> environment
/// variable when it is set, otherwise <c>~/.concurrency-workbook/progress.json</c> in the user's
/// home folder: never inside the repository, so progress survives a fresh clone and is never
/// committed.
/// </para>
/// <para>
/// Thread-safety: every method may be called from any thread, and from several processes at
/// once (a notebook kernel and the runner). Each update is a read-modify-write done while
/// holding an in-process lock for the path and an exclusive lock on a sibling
/// <c>progress.json.lock</c> file; the new content is written to a temporary file and renamed
/// over the old one, so a reader never sees a half-written file.
/// </para>
/// <para>
/// A file that cannot be parsed is never dropped silently: it is moved aside to
/// <c>progress.json.bad-&lt;timestamp&gt;</c>, a notice naming the copy is reported, and a fresh
/// file is started. Input/output errors (disk full, no permission) propagate as
/// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
/// </para>
/// </remarks>
public sealed class ProgressStore
{
    /// <summary>The environment variable that overrides the progress file's path.</summary>
    public const string EnvironmentVariable = "WORKBOOK_PROGRESS";

    private static readonly ConcurrentDictionary<string, object> s_pathLocks = new(
        OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static readonly TimeSpan s_fileLockPatience = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly Action<string> _notice;
    private readonly object _gate;

    /// <summary>Creates a store for the file at <paramref name="path"/> (created on first record).</summary>
    /// <param name="path">The progress file path.</param>
    /// <param name="timeProvider">The clock for timestamps; the system clock by default.</param>
    /// <param name="notice">Receives notices such as "the corrupt file was kept as ..."; writes to the console by default.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public ProgressStore(string path, TimeProvider? timeProvider = null, Action<string>? notice = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = timeProvider ?? TimeProvider.System;
        _notice = notice ?? (message => Console.Out.WriteLine(message));
        _gate = s_pathLocks.GetOrAdd(Path, _ => new object());
    }

    /// <summary>
    /// The default progress file: <c>$WORKBOOK_PROGRESS</c> if set, else
    /// <c>~/.concurrency-workbook/progress.json</c>.
    /// </summary>
    public static string DefaultPath => ResolvePath(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify));

    /// <summary>The full path of this store's file.</summary>
    public string Path { get; }

    /// <summary>A store for <see cref="DefaultPath"/>.</summary>
    /// <returns>The store.</returns>
    public static ProgressStore ForCurrentUser() => new(DefaultPath);

    /// <summary>Reads every exercise's record (empty when the file does not exist yet).</summary>
    /// <returns>The records by exercise id.</returns>
    public IReadOnlyDictionary<string, ExerciseProgress> Load() =>
        Locked(file => file.Exercises.Keys.ToDictionary(id => id, file.Get, StringComparer.Ordinal), write: false);

    /// <summary>Reads one exercise's record.</summary>
    /// <param name="exerciseId">The exercise.</param>
    /// <returns>The record; all zero when the exercise was never checked.</returns>
    public ExerciseProgress Get(string exerciseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exerciseId);
        return Locked(file => file.Get(exerciseId), write: false);
    }

    /// <summary>Records one check run of <paramref name="exerciseId"/> that ended with <paramref name="outcome"/>.</summary>
    /// <param name="exerciseId">The exercise.</param>
    /// <param name="outcome">How the run ended.</param>
    /// <returns>The exercise's updated record.</returns>
    public ExerciseProgress Record(string exerciseId, CheckOutcome outcome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exerciseId);
        DateTimeOffset now = _time.GetUtcNow();
        return Locked(
            file =>
            {
                ExerciseProgress updated = file.Get(exerciseId).With(outcome, now);
                file.Set(updated);
                return updated;
            },
            write: true);
    }

    /// <summary>Chooses the progress path from the environment variable, else the home folder.</summary>
    internal static string ResolvePath(Func<string, string?> environment, string? home)
    {
        string? overridden = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return System.IO.Path.GetFullPath(overridden.Trim());
        }

        // Some service accounts and containers have no home folder; the temp folder is the
        // least surprising place that is still outside the repository.
        string root = string.IsNullOrWhiteSpace(home) ? System.IO.Path.GetTempPath() : home;
        return System.IO.Path.Combine(root, ".concurrency-workbook", "progress.json");
    }

    private T Locked<T>(Func<ProgressFile, T> action, bool write)
    {
        lock (_gate)
        {
            string? directory = System.IO.Path.GetDirectoryName(Path);
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using FileStream fileLock = AcquireFileLock();
            ProgressFile file = ReadOrRecover();
            T result = action(file);
            if (write)
            {
                WriteAtomically(file);
            }

            return result;
        }
    }

    private FileStream AcquireFileLock()
    {
        long started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock other processes respect (flock on Unix).
                // The lock file is left in place: deleting it would let two processes lock two
                // different files of the same name.
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_time.GetElapsedTime(started) < s_fileLockPatience)
            {
                Thread.Sleep(10);
            }
        }
    }

    private ProgressFile ReadOrRecover()
    {
        if (!File.Exists(Path))
        {
            return new ProgressFile();
        }

        string text = File.ReadAllText(Path, Encoding.UTF8);
        try
        {
            return ProgressFile.Parse(text);
        }
        catch (JsonException error)
        {
            string backup = BackupPath();
            File.Move(Path, backup);
            _notice($"Your progress file {Path} could not be read ({error.Message}). It was kept as {backup} and a fresh progress file was started.");
            return new ProgressFile();
        }
    }

    private string BackupPath()
    {
        string stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        string candidate = $"{Path}.bad-{stamp}";
        for (int n = 1; File.Exists(candidate); n++)
        {
            candidate = $"{Path}.bad-{stamp}-{n}";
        }

        return candidate;
    }

    private void WriteAtomically(ProgressFile file)
    {
        string temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(file.ToJson());
                stream.Write(bytes);

                // Reach the disk before the rename, so a crash leaves the old or the new file, never an empty one.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
