namespace Workbook.SideBySide;

/// <summary>Settings for <see cref="PythonVsCSharp.RunAsync"/>; the defaults suit the notebook.</summary>
/// <remarks>Immutable; validation happens when a property is set.</remarks>
public sealed record SideBySideOptions
{
    /// <summary>The environment variable that names the Python interpreter (default <c>python3</c>).</summary>
    public const string PythonVariable = "WORKBOOK_PYTHON";

    private readonly string _pythonExecutable = DefaultPython();
    private readonly TimeSpan _pythonTimeLimit = TimeSpan.FromSeconds(60);
    private readonly int _workers = Math.Clamp(Environment.ProcessorCount, 2, 4);

    /// <summary>
    /// The interpreter to start: <c>$WORKBOOK_PYTHON</c> when set, otherwise <c>python3</c> from the PATH.
    /// Point it at a path that does not exist to see the recorded results.
    /// </summary>
    /// <exception cref="ArgumentException">Set to null or blank.</exception>
    public string PythonExecutable
    {
        get => _pythonExecutable;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(PythonExecutable));
            _pythonExecutable = value;
        }
    }

    /// <summary>The script with the Python halves; null finds <c>data/python/side_by_side.py</c> in the repository.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>The folder of recorded comparisons; null finds <c>data/python/recorded/</c> in the repository.</summary>
    public string? RecordedFolder { get; init; }

    /// <summary>How long one Python run may take before its process tree is killed (default 60 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public TimeSpan PythonTimeLimit
    {
        get => _pythonTimeLimit;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(PythonTimeLimit));
            _pythonTimeLimit = value;
        }
    }

    /// <summary>Standard sizes (the notebook's) or small ones (tests).</summary>
    public WorkloadSize Size { get; init; } = WorkloadSize.Standard;

    /// <summary>Threads or processes for the CPU-bound workloads: the core count, between 2 and 4 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int Workers
    {
        get => _workers;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Workers));
            _workers = value;
        }
    }

    /// <summary>What to do when Python cannot be started (default: use the recorded comparison).</summary>
    public PythonFallback WhenPythonMissing { get; init; } = PythonFallback.UseRecorded;

    /// <summary>The workload these options give for <paramref name="technique"/>.</summary>
    /// <param name="technique">The technique.</param>
    /// <returns>Its workload at <see cref="Size"/> with <see cref="Workers"/>.</returns>
    public Workload WorkloadFor(Technique technique) => Workload.For(technique, Size, Workers);

    private static string DefaultPython() =>
        Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } configured ? configured : "python3";
}
