using System.Globalization;
using Workbook.Processes;

namespace Workbook.Threads;

/// <summary>
/// A piece of CPU-bound work of a fixed size, for timeline demos: <see cref="Run"/> always does
/// the same amount of computation, so on a busy core it simply takes longer in wall-clock time.
/// </summary>
/// <param name="Index">The item's position in its batch (0, 1, 2 …).</param>
/// <param name="Units">How much work: one unit is <see cref="SpinsPerUnit"/> steps, about a millisecond on a current core (in the workbook's debug build).</param>
/// <remarks>Immutable; <see cref="Run"/> is pure, so any number of threads may run items at once.</remarks>
public sealed record CpuItem(int Index, int Units)
{
    /// <summary>Generator steps per unit of work: about 1 ms on a current x64 core in the workbook's debug build, the build notebooks load.</summary>
    public const long SpinsPerUnit = 125_000;

    /// <summary>Does the work on the calling thread.</summary>
    /// <returns>A checksum, so the computation cannot be optimised away.</returns>
    public long Run() => CpuWork.Spin(Units * SpinsPerUnit);

    /// <summary>E.g. <c>item 3 (12 units)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"item {Index} ({Units} units)");
}
