namespace Workbook.Runner.Twins;

/// <summary>A notebook that cannot be turned into a twin; the message names the notebook, the cell and the reason.</summary>
public sealed class TwinException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What cannot be converted, where, and why.</param>
    public TwinException(string message) : base(message) { }
}
