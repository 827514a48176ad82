using System.Globalization;
using Workbook.Exercises;
using XPlot.Plotly;

namespace Workbook.Twins;

/// <summary>
/// One run of a chapter's twin (the chapter as a console program): prints section headings with the
/// elapsed time, notes on long-running cells, displayed values as text or tables, writes charts as
/// HTML pages, and runs exercise checks with the hint and the command to try again.
/// </summary>
/// <remarks>
/// Made for one program thread: <see cref="Section"/>, <see cref="Cell"/>, <see cref="Show"/>,
/// <see cref="Check{T}"/> and <see cref="Done"/> must not be called concurrently. Only the
/// <see cref="ProgressWatch"/> inside prints from another thread. <see cref="Dispose"/> stops it;
/// <see cref="Done"/> disposes too.
/// </remarks>
public sealed class TwinSession : IDisposable
{
    private readonly TextWriter _output;
    private readonly ExerciseRunner _exercises;
    private readonly TimeProvider _time;
    private readonly ProgressWatch _watch;
    private readonly long _started;
    private readonly List<string> _charts = [];
    private readonly Dictionary<string, CheckResult> _checks = new(StringComparer.Ordinal);
    private string _step = "the start";

    /// <summary>Creates a session; call <see cref="Begin"/> before anything else.</summary>
    /// <param name="settings">The chapter, its files and the command line.</param>
    /// <param name="output">Where everything is printed (the console in a twin).</param>
    /// <param name="exercises">Runs the checks and prints verdicts and hints.</param>
    /// <param name="time">The clock; the system clock by default.</param>
    public TwinSession(TwinSettings settings, TextWriter output, ExerciseRunner exercises, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(exercises);
        Settings = settings;
        _output = output;
        _exercises = exercises;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
        _watch = new ProgressWatch(output, _time);
    }

    /// <summary>The chapter, files and command line of this run.</summary>
    public TwinSettings Settings { get; }

    /// <summary>True when the twin was started with <c>--check</c>: only the exercise checks run.</summary>
    public bool ChecksOnly => Settings.Arguments.ChecksOnly;

    /// <summary>The chart pages written so far, in order.</summary>
    public IReadOnlyList<string> Charts => _charts;

    /// <summary>The verdict of every check run so far, by exercise id.</summary>
    public IReadOnlyDictionary<string, CheckResult> Checks => _checks;

    /// <summary>Prints the banner and removes chart pages left by an earlier run of this chapter.</summary>
    public void Begin()
    {
        if (Directory.Exists(Settings.ChartFolder))
        {
            foreach (string old in Directory.GetFiles(Settings.ChartFolder, "chart-*.html"))
            {
                File.Delete(old);
            }
        }

        _output.WriteLine(ChecksOnly
            ? $"{Settings.Title}: exercise checks only ({Settings.RunCommand} without --check runs the whole chapter)."
            : $"{Settings.Title}: the chapter's demonstrations as a console program. Charts are written to {Display(Settings.ChartFolder)}.");
    }

    /// <summary>Prints a section heading with the time since the start; level 3 is a subsection.</summary>
    /// <param name="title">The heading's text.</param>
    /// <param name="level">2 for a section, 3 for a subsection.</param>
    public void Section(string title, int level = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        _step = $"\"{title}\"";
        string elapsed = string.Create(CultureInfo.InvariantCulture, $"[{_time.GetElapsedTime(_started).TotalSeconds:0.0} s]");
        _output.WriteLine();
        _output.WriteLine(level <= 2 ? $"== {Settings.Title}: {title} ==  {elapsed}" : $"-- {title} --  {elapsed}");
    }

    /// <summary>Marks the start of the notebook cell <paramref name="number"/> (for progress notes and error messages).</summary>
    /// <param name="number">The cell's number in the notebook, from 1.</param>
    public void Cell(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        string step = $"cell {number}";
        _step = $"notebook cell {number}";
        _watch.Enter(step);
    }

    /// <summary>Shows a value as the notebook would: a chart becomes an HTML page (its path is printed), anything else text.</summary>
    /// <param name="value">The cell's displayed value.</param>
    public void Show(object? value)
    {
        if (value is PlotlyChart chart)
        {
            string path = Path.Combine(Settings.ChartFolder, string.Create(CultureInfo.InvariantCulture, $"chart-{_charts.Count + 1:00}.html"));
            string? script = PlotlyScript.WriteTo(Settings.ScriptFolder);
            ChartPage.Write(chart, path, $"{Settings.Title}, chart {_charts.Count + 1}", script);
            _charts.Add(path);
            string title = ChartPage.TitleOf(chart);
            _output.WriteLine($"[chart {_charts.Count}] {(title.Length > 0 ? title + " → " : "")}{Display(path)}{(script is null ? " (draws with plotly.js from its CDN: online only)" : "")}");
            return;
        }

        _output.WriteLine(ConsoleValue.Render(value));
    }

    /// <summary>
    /// Checks an exercise answer (unless <c>--check</c> named other exercises): prints the verdict, and
    /// for an answer that is not there yet or fails, where to edit it, the hint, and the command to check again.
    /// </summary>
    /// <typeparam name="T">The learner's class.</typeparam>
    /// <param name="id">The exercise id, e.g. <c>"01.1"</c>.</param>
    /// <param name="create">Makes a fresh instance of the answer.</param>
    /// <returns>The verdict.</returns>
    public CheckResult Check<T>(string id, Func<T> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(create);
        if (!Settings.Arguments.Runs(id))
        {
            return new CheckResult(id, "(not selected)", CheckOutcome.NotAttempted, "not run: --check named other exercises.");
        }

        CheckResult result = _exercises.Check(id, create);
        _checks[id] = result;
        string again = $"{Settings.RunCommand} -- --check {id}";
        if (result.Outcome == CheckOutcome.NotAttempted)
        {
            _output.WriteLine($"  Your turn: write class {typeof(T).Name} near the end of {Settings.TwinFile}, then run: {again}");
        }
        else if (result.Outcome == CheckOutcome.Failed)
        {
            int level = Settings.Arguments.HintLevel;
            HintResult hint = _exercises.Hint(id, level);
            string next = hint.Shown && hint.Level < hint.LevelCount ? $" (a more specific hint: {again} --hint {level + 1})" : "";
            _output.WriteLine($"  Edit class {typeof(T).Name} near the end of {Settings.TwinFile}, then run: {again}{next}");
        }

        return result;
    }

    /// <summary>Prints a hint, unless this run already checked the exercise (a failed check prints its hint itself).</summary>
    /// <param name="id">The exercise id.</param>
    public void Hint(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!_checks.ContainsKey(id) && Settings.Arguments.Runs(id))
        {
            _exercises.Hint(id, Settings.Arguments.HintLevel);
        }
    }

    /// <summary>Prints the summary (time, charts, verdicts) and returns the exit code: 1 when <c>--check</c> found a failure, else 0.</summary>
    /// <returns>The process exit code.</returns>
    public int Done()
    {
        _watch.Dispose();
        string elapsed = string.Create(CultureInfo.InvariantCulture, $"{_time.GetElapsedTime(_started).TotalSeconds:0.0} s");
        _output.WriteLine();
        _output.WriteLine($"== {Settings.Title}: done in {elapsed} ==");
        if (_charts.Count > 0)
        {
            _output.WriteLine($"{_charts.Count} chart(s) in {Display(Settings.ChartFolder)}: open them in a browser.");
        }

        var chapterIds = _exercises.Exercises.Where(e => e.Chapter == Settings.Chapter).Select(e => e.Id).ToList();
        foreach (string missing in Settings.Arguments.Selected.Where(id => !_checks.ContainsKey(id)))
        {
            _output.WriteLine(chapterIds.Contains(missing)
                ? $"Exercise {missing} is checked only in a full run (its check needs the chapter's earlier cells): {Settings.RunCommand}"
                : $"There is no exercise {missing} in this chapter; its exercises are {(chapterIds.Count == 0 ? "none" : string.Join(", ", chapterIds))}.");
        }

        if (_checks.Count > 0)
        {
            _output.WriteLine("Exercises: " + string.Join(", ", _checks.Values.Select(c => $"{c.ExerciseId} {c.Label}")));
        }

        bool failed = ChecksOnly && (_checks.Values.Any(c => c.Outcome == CheckOutcome.Failed) || Settings.Arguments.Selected.Any(id => !_checks.ContainsKey(id)));
        return failed ? 1 : 0;
    }

    /// <summary>Prints why the program stopped: the exception and the cell or section that was running.</summary>
    /// <param name="error">The exception that ended the program.</param>
    public void Failed(object error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _watch.Dispose();
        string what = error is Exception e
            ? (e is ClaimFailedException ? e.Message : e.ToString())
            : error?.ToString() ?? "an unknown error";
        _output.WriteLine();
        _output.WriteLine($"The twin stopped in {_step}: {what}");
    }

    /// <inheritdoc />
    public void Dispose() => _watch.Dispose();

    private string Display(string path) => Settings.Display(path);
}
