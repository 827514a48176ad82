using System.Text;
using Workbook.Balancing;

namespace Workbook.Capstone;

/// <summary>
/// How a capstone service is built: where its CPU work runs, whether a bounded queue guards it,
/// whether it caches, and how many instances run behind a balancer. The presets
/// (<see cref="Naive"/> … <see cref="Final"/>) are the steps of the chapter's tuning pass.
/// </summary>
/// <remarks>Immutable; change a preset with <c>with { … }</c>. Validated when a service starts.</remarks>
public sealed record ServiceConfig
{
    /// <summary>A short name for charts, e.g. "naive" or "+ cache".</summary>
    public string Name { get; init; } = "service";

    /// <summary>True: the CPU work runs in worker processes and requests await it. False: it runs on the request thread.</summary>
    public bool WorkerProcesses { get; init; }

    /// <summary>Worker processes per instance (when <see cref="WorkerProcesses"/> is on); 2 by default, one per core here.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Jobs allowed to wait for the workers per instance, or null for no limit (every request waits its turn, however long the line).</summary>
    public int? QueueCapacity { get; init; }

    /// <summary>Consumers that take jobs from the bounded queue; null means two per worker, so a worker never idles while a result travels back.</summary>
    public int? Consumers { get; init; }

    /// <summary>Whether each instance keeps a single-flight cache of computed quotes.</summary>
    public bool Cache { get; init; }

    /// <summary>
    /// With several instances: whether they share one cache (as instances share a Redis or memcached tier in
    /// production) instead of keeping one each, which would split the hits and compute each popular key once per instance.
    /// </summary>
    public bool SharedCache { get; init; }

    /// <summary>How many instances run side by side behind the balancer; 1 by default.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>The balancing policy for more than one instance (a name from <see cref="Balancers.Names"/>); power of two choices by default.</summary>
    public string Balancer { get; init; } = "power-of-two";

    /// <summary>The longest a request may take before the service gives up on it and answers 504; 5 s by default.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Your own checkpoint parts, used in place of the library's.</summary>
    public ServiceParts Parts { get; init; } = new();

    /// <summary>The consumers actually used: <see cref="Consumers"/> or two per worker.</summary>
    public int EffectiveConsumers => Consumers ?? (2 * Workers);

    /// <summary>Step 1: CPU work on the request thread, no queue limit, no cache, one instance.</summary>
    public static ServiceConfig Naive { get; } = new() { Name = "naive" };

    /// <summary>Step 2: the CPU work moves to two worker processes and requests await it.</summary>
    public static ServiceConfig WithWorkers { get; } = Naive with { Name = "+ worker processes", WorkerProcesses = true };

    /// <summary>Step 3: a bounded queue of 32 waiting jobs; when it is full the service answers 503 at once.</summary>
    public static ServiceConfig WithQueue { get; } = WithWorkers with { Name = "+ bounded queue", QueueCapacity = 32 };

    /// <summary>Step 4: a single-flight cache in front of the queue.</summary>
    public static ServiceConfig WithCache { get; } = WithQueue with { Name = "+ cache", Cache = true };

    /// <summary>Step 5 (final): three instances of step 4 sharing one cache, one worker process each, behind a power-of-two-choices balancer that retries a failure elsewhere.</summary>
    public static ServiceConfig Final { get; } = WithCache with { Name = "+ 3 instances", Instances = 3, Workers = 1, SharedCache = true };

    /// <summary>The five steps in order, naive first: the staircase of the tuning pass.</summary>
    public static IReadOnlyList<ServiceConfig> Staircase { get; } = [Naive, WithWorkers, WithQueue, WithCache, Final];

    /// <summary>One line: the name and what is switched on.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Name).Append(": ");
        text.Append(WorkerProcesses ? $"{Workers} worker process{(Workers == 1 ? "" : "es")}" : "CPU work on the request thread");
        text.Append(QueueCapacity is { } capacity ? $", queue of {capacity} ({EffectiveConsumers} consumers)" : ", no queue limit");
        text.Append(Cache ? (SharedCache && Instances > 1 ? ", single-flight cache (shared)" : ", single-flight cache") : ", no cache");
        text.Append(Instances == 1 ? ", 1 instance" : $", {Instances} instances ({Balancer})");
        return text.ToString();
    }

    /// <summary>Throws a clear exception naming the first setting that makes no sense.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Workers, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Workers, 16, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Instances, nameof(Instances));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Instances, 8, nameof(Instances));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Deadline, TimeSpan.Zero, nameof(Deadline));
        ArgumentNullException.ThrowIfNull(Parts, nameof(Parts));
        if (QueueCapacity is { } capacity)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity, nameof(QueueCapacity));
            if (!WorkerProcesses)
            {
                throw new ArgumentException("A bounded queue feeds the worker processes: set WorkerProcesses = true as well.", nameof(QueueCapacity));
            }
        }

        if (SharedCache && !Cache)
        {
            throw new ArgumentException("A shared cache needs a cache: set Cache = true as well.", nameof(SharedCache));
        }

        if (Consumers is { } consumers)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consumers, nameof(Consumers));
        }

        if (Instances > 1 && !Balancers.Names.Contains(Balancer.Trim().ToLowerInvariant()))
        {
            throw new ArgumentException($"Unknown balancer '{Balancer}'. Known: {string.Join(", ", Balancers.Names)}.", nameof(Balancer));
        }
    }
}
