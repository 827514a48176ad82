using System.Text.RegularExpressions;

namespace Workbook.Exercises;

/// <summary>
/// One exercise: its id, chapter, title, hints (a nudge first, the last one nearly the answer)
/// and the check that judges a learner's answer.
/// </summary>
/// <remarks>
/// The learner's answer is always a type implementing a small library interface
/// (<see cref="AnswerType"/>); the check receives a factory so it can make fresh instances
/// for every round. Instances of this class are immutable and safe to share between threads.
/// </remarks>
public sealed partial class Exercise
{
    private readonly Func<Func<object?>, CheckContext, string> _verify;

    private Exercise(
        string id,
        string chapter,
        string title,
        IReadOnlyList<string> hints,
        Type answerType,
        Func<Func<object?>, CheckContext, string> verify)
    {
        Id = id;
        Chapter = chapter;
        Title = title;
        Hints = hints;
        AnswerType = answerType;
        _verify = verify;
    }

    /// <summary>The exercise id, <c>NN.M</c> where NN is the chapter number, e.g. <c>"01.1"</c>.</summary>
    public string Id { get; }

    /// <summary>The chapter folder name, e.g. <c>"01-threads"</c>.</summary>
    public string Chapter { get; }

    /// <summary>A short title; the stub cell's first line is <c>// Exercise {Id}: {Title}</c>.</summary>
    public string Title { get; }

    /// <summary>The hints, from a gentle nudge (index 0) to nearly the answer (last).</summary>
    public IReadOnlyList<string> Hints { get; }

    /// <summary>The interface (or class) the learner's answer must implement.</summary>
    public Type AnswerType { get; }

    /// <summary>The first line of the exercise's stub cell and of its reference solution.</summary>
    public string CellMarker => $"// Exercise {Id}: {Title}";

    /// <summary>
    /// Where the reference solution lives, relative to the repository root,
    /// e.g. <c>notebooks/solutions/01-threads/01.1.cs</c>.
    /// </summary>
    public string SolutionPath => $"notebooks/solutions/{Chapter}/{Id}.cs";

    /// <summary>Defines an exercise whose answer implements <typeparamref name="TAnswer"/>.</summary>
    /// <typeparam name="TAnswer">The interface the learner implements.</typeparam>
    /// <param name="id">The id, <c>NN.M</c>, whose NN matches the chapter's number.</param>
    /// <param name="chapter">The chapter folder name, <c>NN-kebab-title</c>.</param>
    /// <param name="title">A short title (no line breaks).</param>
    /// <param name="hints">At least one hint, ordered from nudge to nearly-the-answer.</param>
    /// <param name="check">
    /// Verifies an answer. It receives a factory for fresh answers and the check context; it
    /// returns the confirmation printed after PASSED, or calls <see cref="CheckContext.Fail"/>.
    /// Exceptions from the learner's code may simply propagate: the runner classifies them.
    /// </param>
    /// <returns>The immutable definition.</returns>
    /// <exception cref="ArgumentException">An id, chapter, title or hint is malformed.</exception>
    public static Exercise Define<TAnswer>(
        string id,
        string chapter,
        string title,
        IReadOnlyList<string> hints,
        Func<Func<TAnswer>, CheckContext, string> check)
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(hints);
        ArgumentNullException.ThrowIfNull(check);
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"Exercise id '{id}' must look like '01.1' (two-digit chapter, dot, number).", nameof(id));
        }

        if (!ChapterPattern().IsMatch(chapter))
        {
            throw new ArgumentException($"Chapter '{chapter}' must look like '01-threads' (two digits, dash, kebab-case).", nameof(chapter));
        }

        if (!chapter.StartsWith(id[..2], StringComparison.Ordinal))
        {
            throw new ArgumentException($"Exercise id '{id}' does not belong to chapter '{chapter}': the first two digits must match.", nameof(id));
        }

        if (string.IsNullOrWhiteSpace(title) || title.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Exercise {id} needs a one-line, non-empty title.", nameof(title));
        }

        if (hints.Count == 0 || hints.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Exercise {id} needs at least one hint, and no hint may be empty.", nameof(hints));
        }

        string Verify(Func<object?> create, CheckContext context)
        {
            TAnswer Create()
            {
                object? made = create();
                return made switch
                {
                    TAnswer answer => answer,
                    null => throw new ExerciseFailedException("your factory returned null: pass something like () => new YourClass()."),
                    _ => throw new ExerciseFailedException($"this exercise needs a {typeof(TAnswer).Name}, but your factory made a {made.GetType().Name}, which does not implement it."),
                };
            }

            return check(Create, context);
        }

        return new Exercise(id, chapter, title, [.. hints], typeof(TAnswer), Verify);
    }

    /// <summary>Runs the check; exceptions are classified by <see cref="ExerciseRunner"/>.</summary>
    internal string Verify(Func<object?> create, CheckContext context) => _verify(create, context);

    /// <summary>The id and title, e.g. <c>01.1 A thread-safe counter</c>.</summary>
    public override string ToString() => $"{Id} {Title}";

    [GeneratedRegex(@"^\d{2}\.\d{1,3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ChapterPattern();
}
