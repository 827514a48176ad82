using System.Globalization;

namespace Workbook.Balancing.Farm;

/// <summary>A change in a backend's health as the proxy saw it.</summary>
public enum ProxyEventKind
{
    /// <summary>Failures in a row took the backend out of rotation.</summary>
    Ejected,

    /// <summary>Its half-open trial request failed: it stays out for another period.</summary>
    TrialFailed,

    /// <summary>Its trial request succeeded: it is back in rotation.</summary>
    Readmitted,
}

/// <summary>One health change, e.g. "1.52 s  backend1 ejected".</summary>
/// <param name="At">When, measured from the proxy's start on its clock.</param>
/// <param name="Backend">The backend's name.</param>
/// <param name="Kind">What happened.</param>
public sealed record ProxyEvent(TimeSpan At, string Backend, ProxyEventKind Kind)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{At.TotalSeconds,7:0.000} s  {Backend} {Kind switch
        {
            ProxyEventKind.Ejected => "ejected (failures in a row)",
            ProxyEventKind.TrialFailed => "trial failed: ejected for another period",
            _ => "trial succeeded: readmitted",
        }}");
}
