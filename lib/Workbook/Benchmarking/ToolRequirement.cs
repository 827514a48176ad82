namespace Workbook.Benchmarking;

/// <summary>An external program a benchmark item needs, and how to install it when it is missing.</summary>
/// <param name="Name">The executable's name as found on PATH, e.g. "wrk".</param>
/// <param name="InstallHint">The command that installs it, e.g. "apt-get install wrk".</param>
/// <remarks>Immutable.</remarks>
public sealed record ToolRequirement(string Name, string InstallHint)
{
    /// <summary>The reason a skipped row gives, e.g. <c>skipped: wrk not installed (install it with: apt-get install wrk)</c>.</summary>
    public string SkipReason => $"skipped: {Name} not installed (install it with: {InstallHint})";
}
