namespace Workbook.Processes;

/// <summary>Keeps the last few stderr lines of a worker (for start-up errors) and forwards each line.</summary>
/// <remarks>Thread-safe: lines arrive on the process's stderr reader thread.</remarks>
internal sealed class StderrTail
{
    private const int Keep = 20;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>Called for every line; set once the worker object exists.</summary>
    public Action<string>? Forward { get; set; }

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > Keep)
            {
                _lines.Dequeue();
            }
        }

        Forward?.Invoke(line);
    }

    /// <summary>A sentence for an error message: what the worker last said on stderr.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return _lines.Count == 0
                ? "It wrote nothing to stderr."
                : "Its stderr ended with: " + string.Join(" | ", _lines);
        }
    }
}
