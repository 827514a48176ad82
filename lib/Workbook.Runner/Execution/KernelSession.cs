using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using Workbook.Runner.Notebooks;

namespace Workbook.Runner.Execution;

/// <summary>
/// One fresh C# kernel, set up the way VS Code's Polyglot Notebooks sets it up (#r "nuget:",
/// display()/HTML(), value sharing), that executes cells one at a time and collects their outputs
/// as nbformat output objects.
/// </summary>
/// <remarks>
/// Not thread-safe: one cell at a time, as in a notebook. A cell that exceeds its timeout leaves the
/// kernel busy for good (C# code cannot be aborted), so after <see cref="CellStatus.TimedOut"/> the
/// session refuses further cells; the process that owns it should end.
/// </remarks>
public sealed class KernelSession : IDisposable
{
    private readonly CompositeKernel _kernel;
    private readonly List<JsonObject> _outputs = [];
    private readonly Dictionary<string, JsonObject> _displays = [];
    private readonly Lock _gate = new();
    private readonly IDisposable _subscription;
    private bool _hung;

    /// <summary>Creates a kernel whose relative paths resolve against <paramref name="workingDirectory"/>.</summary>
    public KernelSession(string workingDirectory)
    {
        // The kernel resolves #r and #load paths against the process's current directory, as VS Code
        // does with the notebook's folder; one notebook per process keeps this global setting safe.
        Directory.SetCurrentDirectory(workingDirectory);
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();
        _kernel = new CompositeKernel { csharp };
        _kernel.DefaultKernelName = csharp.Name;
        _subscription = _kernel.KernelEvents.Subscribe(new EventSink(this));
    }

    /// <summary>
    /// Compiles and runs a trivial submission so that the kernel's one-off start-up cost (loading the
    /// compiler, the first compilation) is not charged to the notebook's first cell and its timeout.
    /// </summary>
    /// <exception cref="TimeoutException">The kernel did not become ready within <paramref name="limit"/>.</exception>
    public async Task WarmUpAsync(TimeSpan limit)
    {
        var result = await _kernel.SendAsync(new SubmitCode("System.GC.KeepAlive(null);", "csharp")).WaitAsync(limit);
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            throw new InvalidOperationException($"the C# kernel failed to start: {failed.Message}");
        lock (_gate) { _outputs.Clear(); _displays.Clear(); }
    }

    /// <summary>Runs one code cell, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<(CellOutcome Outcome, IReadOnlyList<JsonObject> Outputs)> ExecuteAsync(NotebookCell cell, string code, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (_hung) return (new CellOutcome(cell.Number, CellStatus.Skipped, 0, "not run: an earlier cell never finished"), []);
        lock (_gate) { _outputs.Clear(); _displays.Clear(); }

        var clock = Stopwatch.StartNew();
        var send = _kernel.SendAsync(new SubmitCode(code, "csharp"));
        KernelCommandResult result;
        try
        {
            result = await send.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            _hung = true;
            var message = $"cell {cell.Number} did not finish within {timeout.TotalSeconds:0} s (a hang, deadlock or very slow work); later cells are skipped.";
            var outputs = Snapshot();
            outputs.Add(ErrorOutput("CellTimeout", message));
            return (new CellOutcome(cell.Number, CellStatus.TimedOut, clock.Elapsed.TotalSeconds, message), outputs);
        }

        var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
        var all = Snapshot();
        if (failure is null) return (new CellOutcome(cell.Number, CellStatus.Passed, clock.Elapsed.TotalSeconds, null), all);
        var error = failure.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : failure.Message;
        all.Add(ErrorOutput(failure.Exception?.GetType().Name ?? "Error", failure.Message));
        return (new CellOutcome(cell.Number, CellStatus.Failed, clock.Elapsed.TotalSeconds, error), all);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription.Dispose();
        if (!_hung) _kernel.Dispose();
    }

    private List<JsonObject> Snapshot()
    {
        lock (_gate) return _outputs.Select(o => (JsonObject)o.DeepClone()).ToList();
    }

    private void OnEvent(KernelEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced o: AppendStream("stdout", Text(o)); break;
                case StandardErrorValueProduced o: AppendStream("stderr", Text(o)); break;
                case ErrorProduced: break; // reported through CommandFailed
                case DisplayedValueUpdated u when u.ValueId is not null && _displays.TryGetValue(u.ValueId, out var existing):
                    existing["data"] = Data(u);
                    break;
                case DisplayEvent d and (DisplayedValueProduced or ReturnValueProduced or DisplayedValueUpdated):
                    var output = new JsonObject
                    {
                        ["data"] = Data(d),
                        ["metadata"] = new JsonObject(),
                        ["output_type"] = "display_data",
                    };
                    if (d.ValueId is not null) _displays[d.ValueId] = output;
                    _outputs.Add(output);
                    break;
            }
        }
    }

    private void AppendStream(string name, string text)
    {
        // Consecutive writes to one stream become one output, as Jupyter shows them.
        if (_outputs.LastOrDefault() is { } last && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
        {
            var joined = string.Concat(((JsonArray)last["text"]!).Select(n => n!.GetValue<string>())) + text;
            last["text"] = NotebookDocument.ToSourceArray(joined);
            return;
        }
        _outputs.Add(new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = NotebookDocument.ToSourceArray(text) });
    }

    private static string Text(DisplayEvent d) => d.FormattedValues.FirstOrDefault()?.Value ?? d.Value?.ToString() ?? "";

    private static JsonObject Data(DisplayEvent d)
    {
        var data = new JsonObject();
        foreach (var f in d.FormattedValues) data[f.MimeType] = NotebookDocument.ToSourceArray(f.Value);
        return data;
    }

    internal static JsonObject ErrorOutput(string name, string message) => new()
    {
        ["ename"] = name,
        ["evalue"] = message,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(message),
    };

    private sealed class EventSink(KernelSession owner) : IObserver<KernelEvent>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(KernelEvent value) => owner.OnEvent(value);
    }
}
