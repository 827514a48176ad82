namespace Workbook.Runner.Notebooks;

/// <summary>A notebook file that cannot be read or run: the message names the file and the problem.</summary>
public sealed class NotebookException : Exception
{
    /// <summary>Creates the exception with a message that names the file and what is wrong with it.</summary>
    public NotebookException(string message, Exception? inner = null) : base(message, inner) { }
}
