using Workbook.Exercises;

namespace Workbook.Tuning;

/// <summary>The exercises of chapter 08 (tuning).</summary>
public sealed class TuningExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "08-tuning";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IAsyncCache>(
            "08.1",
            ChapterName,
            "A single-flight cache",
            [
                "Three requirements: one fetch per key however many callers arrive together; callers of other keys never wait; a failure "
                    + "is not kept. What can you store for a key the moment the first caller misses, before the value exists?",
                "Store the fetch's Task, so later callers await the same one, and wrap it in a Lazy<Task<string>>: GetOrAdd may run its "
                    + "factory on several threads at once, but only the Lazy it keeps is ever asked for its Value, so fetch runs once. One "
                    + "ConcurrentDictionary entry per key means no lock is shared between keys. For failures: await the task inside GetAsync, "
                    + "and in a catch remove the entry before rethrowing.",
                "Nearly the answer: var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<string>>(() => fetch(k))); "
                    + "try { return await lazy.Value; } catch { _entries.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, lazy)); throw; } "
                    + "(TryRemove with the pair removes the entry only if it is still this one.)",
            ],
            SingleFlightCheck.Verify),

        Exercise.Define<IRequestStats>(
            "08.2",
            ChapterName,
            "Remove a contention hotspot",
            [
                "Profile first: run LockedRequestStats under a RuntimeSampler with 8 threads and watch the lock contentions climb. Every request "
                    + "takes the one lock. Which parts of Record really need to be done together, and which are just independent counters?",
                "Each number is a separate counter, and Interlocked.Increment / Interlocked.Add update one without a lock. For the per-endpoint "
                    + "counts, keep a ConcurrentDictionary from endpoint to a small counter object (a class with a long field, or StrongBox<long>): "
                    + "the dictionary is written only when an endpoint is first seen, and after that every request just increments the object's field. "
                    + "(AddOrUpdate would lock the key's stripe on every request: still a hotspot.)",
                "Nearly the answer: private readonly ConcurrentDictionary<string, StrongBox<long>> _hits = new(); "
                    + "Record: Interlocked.Increment(ref _hits.GetOrAdd(endpoint, _ => new StrongBox<long>()).Value); "
                    + "Interlocked.Increment(ref _totalHits); Interlocked.Add(ref _totalMicroseconds, microseconds); "
                    + "Hits: _hits.TryGetValue(endpoint, out var box) ? Interlocked.Read(ref box.Value) : 0.",
            ],
            RequestStatsCheck.Verify),

        Exercise.Define<IValueSummer>(
            "08.3",
            ChapterName,
            "Parse without allocating",
            [
                "line.Split(';') creates an array and a new string for every field, and Split('=') more: garbage on every call. A "
                    + "ReadOnlySpan<char> is a view into the existing string; slicing it copies nothing. Can you find each field and its value as a span?",
                "Loop over line.AsSpan(): find the next ';' with IndexOf (-1 means the last field), take the field with Slice (or a range), "
                    + "find the '=' in it, and parse what follows with int.Parse(ReadOnlySpan<char>, provider: CultureInfo.InvariantCulture), which "
                    + "accepts a span and allocates nothing. Remember the empty line.",
                "Nearly the answer: ReadOnlySpan<char> rest = line; long sum = 0; while (!rest.IsEmpty) { int end = rest.IndexOf(';'); "
                    + "var field = end < 0 ? rest : rest[..end]; sum += int.Parse(field[(field.IndexOf('=') + 1)..], CultureInfo.InvariantCulture); "
                    + "rest = end < 0 ? default : rest[(end + 1)..]; } return sum;",
            ],
            ValueSummerCheck.Verify),
    ];
}
