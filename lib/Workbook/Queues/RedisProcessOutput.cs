using System.Diagnostics;

namespace Workbook.Queues;

/// <summary>Keeps the last lines a child process wrote, for error messages.</summary>
/// <remarks>
/// Thread-safe: the process raises its output events on pool threads. Reading the pipes continuously
/// also matters for correctness: a child that fills an unread pipe blocks.
/// </remarks>
internal sealed class RedisProcessOutput
{
    private const int MaxLines = 40;
    private readonly Queue<string> lines = new();

    public RedisProcessOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The last lines of stdout and stderr, oldest first.</summary>
    public string Tail()
    {
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > MaxLines)
            {
                lines.Dequeue();
            }
        }
    }
}
