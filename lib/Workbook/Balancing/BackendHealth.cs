namespace Workbook.Balancing;

/// <summary>Where a backend stands with passive outlier ejection (see <see cref="EjectionOptions"/>).</summary>
public enum BackendHealth
{
    /// <summary>Receives requests normally.</summary>
    Healthy,

    /// <summary>Took too many consecutive failures; gets no requests until its ejection period ends.</summary>
    Ejected,

    /// <summary>The ejection period is over; the next request to it is a single trial.</summary>
    HalfOpen,

    /// <summary>The single trial request is in flight; success readmits the backend, failure ejects it again.</summary>
    Probing,
}
