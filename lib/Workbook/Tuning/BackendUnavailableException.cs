namespace Workbook.Tuning;

/// <summary>Thrown by <see cref="CountingBackend"/> for the calls it was told to fail.</summary>
public sealed class BackendUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public BackendUnavailableException()
        : base("The backend is unavailable.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public BackendUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public BackendUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
