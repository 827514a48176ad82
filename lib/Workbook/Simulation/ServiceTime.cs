namespace Workbook.Simulation;

/// <summary>How long a request takes once a server starts it (mean 1 / speed virtual seconds).</summary>
public enum ServiceTime
{
    /// <summary>Exponentially distributed (memoryless): the textbook M/M/1 assumption.</summary>
    Exponential,

    /// <summary>Always exactly 1 / speed: no service-time variability at all.</summary>
    Deterministic,
}
