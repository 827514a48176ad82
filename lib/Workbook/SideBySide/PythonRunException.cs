namespace Workbook.SideBySide;

/// <summary>
/// Python started but its run did not give a usable result: it exited with an error, ran past its
/// time limit (and was killed), or printed something that is not the expected JSON. The message
/// says which, and ends with the last lines Python wrote to stderr.
/// </summary>
public sealed class PythonRunException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PythonRunException()
        : this("The Python run failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PythonRunException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, e.g. the JSON error.</param>
    public PythonRunException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The process's exit code, or null when it was killed for running too long.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The end of what the process wrote to stderr (its progress notes or its traceback).</summary>
    public string StandardError { get; init; } = "";
}
