using System.Text;

namespace Workbook.SideBySide;

/// <summary>
/// One technique's workload run in Python and in C#, in the same run: what each side computed,
/// and the figures (headline first) with each side's value and the ratio between them.
/// </summary>
/// <remarks>Immutable, so safe to share between threads.</remarks>
public sealed class Comparison
{
    /// <summary>Creates a comparison, computing its figures from the two measurements.</summary>
    /// <param name="workload">What both sides ran.</param>
    /// <param name="interpreter">The Python interpreter that ran its side.</param>
    /// <param name="python">The Python side's result and times.</param>
    /// <param name="csharp">The C# side's result and times.</param>
    /// <param name="source">Whether this is a live run or a recorded one.</param>
    /// <param name="run">When and where it ran.</param>
    /// <exception cref="KeyNotFoundException">A side lacks a time its technique's figures need.</exception>
    public Comparison(Workload workload, PythonInterpreter interpreter, SideMeasurement python, SideMeasurement csharp, ComparisonSource source, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(python);
        ArgumentNullException.ThrowIfNull(csharp);
        ArgumentNullException.ThrowIfNull(run);
        Workload = workload;
        Interpreter = interpreter;
        Python = python;
        CSharp = csharp;
        Source = source;
        Run = run;
        Figures = FigureRules.For(workload, python, csharp);
    }

    /// <summary>The technique compared.</summary>
    public Technique Technique => Workload.Technique;

    /// <summary>What both sides ran.</summary>
    public Workload Workload { get; }

    /// <summary>The Python interpreter that ran its side.</summary>
    public PythonInterpreter Interpreter { get; }

    /// <summary>The Python side's result and best times.</summary>
    public SideMeasurement Python { get; }

    /// <summary>The C# side's result and best times.</summary>
    public SideMeasurement CSharp { get; }

    /// <summary>Live, or recorded because Python was not available.</summary>
    public ComparisonSource Source { get; }

    /// <summary>When and where the numbers were measured.</summary>
    public RunInfo Run { get; }

    /// <summary>Every figure, the headline first.</summary>
    public IReadOnlyList<Figure> Figures { get; }

    /// <summary>The figure that makes the technique's point (e.g. the speedup with threads).</summary>
    public Figure Headline => Figures[0];

    /// <summary>The first speed figure: how much faster one language ran this same work.</summary>
    public Figure Speed => Figures.First(f => f.Kind == FigureKind.Speed);

    /// <summary>True when both sides computed exactly the same counts and checksums.</summary>
    public bool SameResult => Differences.Count == 0;

    /// <summary>The result names whose values differ (or that only one side has); empty when the results agree.</summary>
    public IReadOnlyList<string> Differences =>
    [
        .. Python.Result.Keys.Union(CSharp.Result.Keys).Order(StringComparer.Ordinal)
            .Where(key => !Python.Result.TryGetValue(key, out long p) || !CSharp.Result.TryGetValue(key, out long c) || p != c),
    ];

    /// <summary>A figure by name.</summary>
    /// <param name="name">E.g. <c>"overhead per wait"</c>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="KeyNotFoundException">No such figure (the message lists them).</exception>
    public Figure Figure(string name) =>
        name is null ? throw new ArgumentNullException(nameof(name)) : Figures.FirstOrDefault(f => f.Name == name)
        ?? throw new KeyNotFoundException($"The {Workload.Command} comparison has no figure '{name}'; it has: {string.Join("; ", Figures.Select(f => f.Name))}.");

    /// <summary>A few lines: the technique and workload, every figure, and whether the results agree.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Technique).Append(Source == ComparisonSource.Recorded ? " (recorded)" : "").Append(": ").AppendLine(Workload.Description);
        foreach (Figure figure in Figures)
        {
            text.Append("  ").AppendLine(figure.ToString());
        }

        text.Append("  ").Append(SameResult
            ? $"same result on both sides: {Python.ResultText}"
            : $"RESULTS DIFFER in {string.Join(", ", Differences)}: CPython {Python.ResultText}; C# {CSharp.ResultText}");
        return text.ToString();
    }
}
