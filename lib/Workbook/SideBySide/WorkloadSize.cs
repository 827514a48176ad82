namespace Workbook.SideBySide;

/// <summary>How big the side-by-side workloads are.</summary>
public enum WorkloadSize
{
    /// <summary>The notebook's sizes: big enough to show each effect, a few seconds per technique.</summary>
    Standard,

    /// <summary>Tiny inputs that finish in well under a second: for tests and smoke runs (timings mean little).</summary>
    Small,
}
