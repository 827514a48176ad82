namespace Workbook.Exercises;

/// <summary>
/// Runs exercise checks and hands out hints. A check never throws into the notebook: it prints
/// exactly one outcome line (PASSED, FAILED or NOT ATTEMPTED YET) and returns it as a
/// <see cref="CheckResult"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each check runs on its own background thread under <see cref="Timeout"/>. If it has not
/// finished by then, its cancellation token is cancelled, the result is FAILED ("did not
/// finish within 20 s: probable deadlock or infinite loop") and the call returns; threads stuck
/// in the learner's code are abandoned (background threads never keep the process alive).
/// </para>
/// <para>
/// Thread-safety: <see cref="Check{T}"/> and <see cref="Hint(string)"/> may be called from any
/// thread. Hint levels are remembered per runner, so the process-wide runner behind
/// <see cref="Exercises"/> remembers them per process.
/// </para>
/// </remarks>
public sealed class ExerciseRunner
{
    /// <summary>The default time limit of one check.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly IReadOnlyList<Exercise>? _exercises;
    private readonly TextWriter? _output;
    private readonly int _seed;
    private readonly Dictionary<string, int> _hintsShown = new(StringComparer.Ordinal);

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Time limit, progress store, output and catalogue; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The time limit is not positive.</exception>
    public ExerciseRunner(ExerciseRunnerOptions? options = null)
    {
        options ??= new ExerciseRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options.Timeout));
        Timeout = options.Timeout;
        ProgressStore = options.Progress;
        _exercises = options.Exercises;
        _output = options.Output;
        _seed = options.Seed;
    }

    /// <summary>The time limit of one check.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Where results are recorded, or null.</summary>
    public ProgressStore? ProgressStore { get; }

    /// <summary>The exercises this runner knows (the whole catalogue unless the options gave a list).</summary>
    public IReadOnlyList<Exercise> Exercises => _exercises ?? ExerciseCatalogue.All;

    private TextWriter Output => _output ?? Console.Out;

    /// <summary>Checks an answer, prints the outcome line and records it in the progress file.</summary>
    /// <typeparam name="T">The learner's type (it must implement the exercise's interface).</typeparam>
    /// <param name="id">The exercise id, e.g. <c>"01.1"</c>.</param>
    /// <param name="create">Makes a fresh answer, e.g. <c>() => new SafeCounter()</c>.</param>
    /// <returns>The outcome and its message.</returns>
    public CheckResult Check<T>(string id, Func<T> create)
    {
        CheckResult result;
        try
        {
            result = Evaluate(id, create);
        }
        catch (Exception error)
        {
            // Only a bug in the exercise system itself gets here; it must still not reach the notebook.
            result = new CheckResult(id ?? "(null)", "exercise system error", CheckOutcome.Failed,
                $"the checker itself failed ({error.GetType().Name}: {error.Message}). This is not your fault; please report it.");
        }

        Output.WriteLine(result.ToString());
        return result;
    }

    /// <summary>Prints the next hint for an exercise; after the last one, says there are no more.</summary>
    /// <param name="id">The exercise id.</param>
    /// <returns>What was printed.</returns>
    public HintResult Hint(string id)
    {
        Exercise? exercise = ExerciseCatalogue.Find(Exercises, id ?? string.Empty);
        if (exercise is null)
        {
            return Print(new HintResult(id ?? "(null)", 0, 0, $"There is no exercise '{id}'. Known exercises: {KnownIds()}."));
        }

        int next;
        lock (_hintsShown)
        {
            next = _hintsShown.GetValueOrDefault(exercise.Id) + 1;
            if (next <= exercise.Hints.Count)
            {
                _hintsShown[exercise.Id] = next;
            }
        }

        if (next > exercise.Hints.Count)
        {
            int count = exercise.Hints.Count;
            return Print(new HintResult(exercise.Id, 0, count,
                $"No more hints for {exercise.Id}: you have seen all {count}. Run Exercises.Hint(\"{exercise.Id}\", {count}) to see the last one again, or compare with the reference solution in {exercise.SolutionPath}."));
        }

        return Print(HintAt(exercise, next));
    }

    /// <summary>Prints hint number <paramref name="level"/> (1-based); later calls of <see cref="Hint(string)"/> continue after it.</summary>
    /// <param name="id">The exercise id.</param>
    /// <param name="level">The hint level, 1 = gentlest.</param>
    /// <returns>What was printed.</returns>
    public HintResult Hint(string id, int level)
    {
        Exercise? exercise = ExerciseCatalogue.Find(Exercises, id ?? string.Empty);
        if (exercise is null)
        {
            return Print(new HintResult(id ?? "(null)", 0, 0, $"There is no exercise '{id}'. Known exercises: {KnownIds()}."));
        }

        int count = exercise.Hints.Count;
        if (level < 1 || level > count)
        {
            return Print(new HintResult(exercise.Id, 0, count, $"{exercise.Id} has hints 1 to {count}; there is no hint {level}."));
        }

        lock (_hintsShown)
        {
            _hintsShown[exercise.Id] = Math.Max(_hintsShown.GetValueOrDefault(exercise.Id), level);
        }

        return Print(HintAt(exercise, level));
    }

    private CheckResult Evaluate<T>(string id, Func<T> create)
    {
        Exercise? exercise = ExerciseCatalogue.Find(Exercises, id ?? string.Empty);
        if (exercise is null)
        {
            return new CheckResult(id ?? "(null)", "unknown exercise", CheckOutcome.Failed, $"there is no exercise '{id}'. Known exercises: {KnownIds()}.");
        }

        if (create is null)
        {
            return Failed(exercise, $"pass a factory that makes your answer, e.g. Exercises.Check(\"{exercise.Id}\", () => new YourClass()).");
        }

        CheckResult result = Run(exercise, () => create());
        RecordProgress(exercise, result.Outcome);
        return result;
    }

    private static HintResult HintAt(Exercise exercise, int level)
    {
        int count = exercise.Hints.Count;
        string more = level < count
            ? $" (run Exercises.Hint(\"{exercise.Id}\") again for a more specific hint)"
            : " (that was the last hint)";
        return new HintResult(exercise.Id, level, count, $"Hint {level} of {count} for {exercise.Id} ({exercise.Title}): {exercise.Hints[level - 1]}{more}");
    }

    private static CheckResult Failed(Exercise exercise, string problem) =>
        new(exercise.Id, exercise.Title, CheckOutcome.Failed, $"{problem} {ExerciseText.HintSuggestion(exercise.Id)}");

    private CheckResult Run(Exercise exercise, Func<object?> create)
    {
        // Not disposed on purpose: an abandoned check may still observe the token after we return.
        var cancellation = new CancellationTokenSource();
        var context = new CheckContext(cancellation.Token, Timeout, _seed);
        var done = new TaskCompletionSource<CheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                string confirmation = exercise.Verify(create, context);
                done.TrySetResult(new CheckResult(exercise.Id, exercise.Title, CheckOutcome.Passed, confirmation));
            }
            catch (Exception error)
            {
                var (outcome, message) = OutcomeClassifier.Classify(error);
                done.TrySetResult(outcome == CheckOutcome.Failed
                    ? Failed(exercise, message)
                    : new CheckResult(exercise.Id, exercise.Title, outcome, message));
            }
        })
        {
            // Background: a deadlocked answer must not keep the notebook kernel or test host alive.
            IsBackground = true,
            Name = $"exercise check {exercise.Id}",
        };
        thread.Start();

        bool finished = done.Task.Wait(Timeout);

        // Releases workers still waiting at a start gate; learner code that is stuck stays stuck.
        cancellation.Cancel();
        return finished
            ? done.Task.Result
            : Failed(exercise, $"did not finish within {ExerciseText.Duration(Timeout)}: probable deadlock or infinite loop.");
    }

    private void RecordProgress(Exercise exercise, CheckOutcome outcome)
    {
        if (ProgressStore is null)
        {
            return;
        }

        try
        {
            ProgressStore.Record(exercise.Id, outcome);
        }
        catch (Exception error)
        {
            // Losing a progress tick is annoying but must never turn a check into an exception.
            Output.WriteLine($"(Progress not saved to {ProgressStore.Path}: {error.Message})");
        }
    }

    private HintResult Print(HintResult hint)
    {
        Output.WriteLine(hint.Text);
        return hint;
    }

    private string KnownIds() => Exercises.Count == 0 ? "(none)" : string.Join(", ", Exercises.Select(e => e.Id));
}
