namespace Workbook.Coroutines;

/// <summary>
/// A single-threaded, deterministic scheduler for coroutine tasks written as iterators of
/// <see cref="Instruction"/>s: the generator-based style of concurrency Python used before
/// <c>async</c>/<c>await</c>. Each step resumes one task until its next <c>yield return</c>;
/// the task's instruction decides when it may run again.
/// </summary>
/// <remarks>
/// <para>
/// Virtual time: the clock starts at tick 0 and every step takes exactly one tick. When no task
/// may run but some sleep, the clock jumps to the earliest wake-up (idle ticks). Nothing depends on
/// the wall clock, so the same tasks always give the same interleaving.
/// </para>
/// <para>
/// Thread-safety: none needed and none provided. Spawn tasks, then call <see cref="Run"/> once, all
/// from one thread (tasks may spawn further tasks while running). When the run ends before every
/// task has finished (stalled, step limit, cancellation or a policy error), the unfinished tasks'
/// iterators are disposed, which runs their <c>finally</c> blocks, just as leaving a
/// <c>foreach</c> early does.
/// </para>
/// </remarks>
public sealed partial class CooperativeScheduler
{
    /// <summary>The default step limit of <see cref="Run"/>: a guard against tasks that never end.</summary>
    public const int DefaultMaxSteps = 1_000_000;

    private readonly List<CoTask> _tasks = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<ScheduleStep> _steps = [];
    private readonly List<TaskPeriod> _periods = [];
    private bool _started;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="policy">Which task runs next; a new <see cref="RoundRobinPolicy"/> when null.</param>
    public CooperativeScheduler(ISchedulerPolicy? policy = null) => Policy = policy ?? new RoundRobinPolicy();

    /// <summary>The policy that picks the next task.</summary>
    public ISchedulerPolicy Policy { get; }

    /// <summary>The virtual clock, in ticks. During a step it reads the tick the step occupies.</summary>
    public long Now { get; private set; }

    /// <summary>The tasks spawned so far, in spawn order.</summary>
    public IReadOnlyList<CoTask> Tasks => _tasks;

    /// <summary>Adds a task; it is ready to run at once and takes its turn after the tasks spawned before it.</summary>
    /// <param name="name">A name unique within this scheduler, e.g. "kettle".</param>
    /// <param name="body">The task: usually a call of an iterator method, e.g. <c>Boil(6)</c>.</param>
    /// <returns>The task handle, for <see cref="Instruction.WaitFor"/> and for reading its state later.</returns>
    /// <exception cref="ArgumentException">The name is blank or already used.</exception>
    /// <exception cref="InvalidOperationException">The run has already ended.</exception>
    public CoTask Spawn(string name, IEnumerable<Instruction> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Spawn(name, body.GetEnumerator());
    }

    /// <summary>Adds a task given as an enumerator; see <see cref="Spawn(string, IEnumerable{Instruction})"/>.</summary>
    /// <param name="name">A name unique within this scheduler.</param>
    /// <param name="body">The task's enumerator; the scheduler disposes it when the task ends or is abandoned.</param>
    /// <returns>The task handle.</returns>
    /// <exception cref="ArgumentException">The name is blank or already used.</exception>
    /// <exception cref="InvalidOperationException">The run has already ended.</exception>
    public CoTask Spawn(string name, IEnumerator<Instruction> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(body);
        if (_finished)
        {
            throw new InvalidOperationException("This scheduler's run has ended; create a new CooperativeScheduler for another run.");
        }

        if (!_names.Add(name))
        {
            throw new ArgumentException($"A task named '{name}' already exists; task names must be unique (they label the timeline).", nameof(name));
        }

        var task = new CoTask(_tasks.Count, name, body, this);
        _tasks.Add(task);
        _unfinished++;
        MakeReady(task);
        return task;
    }

    /// <summary>
    /// Runs the tasks until all have finished, nothing can run any more, or <paramref name="maxSteps"/>
    /// steps have run. Returns what happened; never throws because a task threw (the task is marked
    /// <see cref="CoTaskState.Faulted"/> instead).
    /// </summary>
    /// <param name="maxSteps">The most steps to run; at least 1.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>The steps, periods and outcome.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSteps"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Run"/> was called before on this scheduler.</exception>
    /// <exception cref="SchedulerPolicyException">The policy chose a task that may not run.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; unfinished tasks were disposed.</exception>
    public ScheduleReport Run(int maxSteps = DefaultMaxSteps, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        if (_started)
        {
            throw new InvalidOperationException("Run was already called on this scheduler; create a new CooperativeScheduler for another run.");
        }

        _started = true;
        try
        {
            return Loop(maxSteps, cancellationToken);
        }
        catch
        {
            // Whatever ends the run early, no task may be left holding resources in a pending finally.
            Finish(ScheduleOutcome.Stalled, null);
            throw;
        }
    }
}
