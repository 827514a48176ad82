namespace Workbook.Balancing;

/// <summary>How a request sent through a <see cref="Lease"/> ended.</summary>
public enum RequestOutcome
{
    /// <summary>The backend answered successfully; its latency is recorded.</summary>
    Success,

    /// <summary>The backend failed (error, timeout, refused connection); counts towards ejection.</summary>
    Failure,

    /// <summary>The caller gave up (cancelled or abandoned); says nothing about the backend's health.</summary>
    Cancelled,
}
