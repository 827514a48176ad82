namespace Workbook.SideBySide;

/// <summary>The Python interpreter could not be started (not installed, not on the PATH, not executable).</summary>
public sealed class PythonUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PythonUnavailableException()
        : this("The Python interpreter could not be started.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What could not be started, and how to fix it.</param>
    public PythonUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the start error.</summary>
    /// <param name="message">What could not be started, and how to fix it.</param>
    /// <param name="innerException">The operating system's error.</param>
    public PythonUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The executable that was tried, e.g. <c>python3</c>.</summary>
    public string Executable { get; init; } = "";
}
