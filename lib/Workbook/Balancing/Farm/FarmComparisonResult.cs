using System.Globalization;
using System.Text;

namespace Workbook.Balancing.Farm;

/// <summary>
/// Everything a <see cref="FarmComparison"/> measured: one <see cref="ContenderResult"/> per proxy and
/// policy, on the same farm, in the same run. Look contenders up with <see cref="Ours"/> and <see cref="Yarp"/>.
/// </summary>
/// <param name="Farm">The farm's shape, e.g. "3 backends at 2 ms, backend2 at 100 ms".</param>
/// <param name="Backends">The backends' names, in farm order (the order of every <see cref="ContenderResult.PerBackend"/>).</param>
/// <param name="Contenders">Ours first, then YARP's, each in the order of the options.</param>
/// <param name="Elapsed">Wall-clock time of the whole comparison, warm-up included.</param>
public sealed record FarmComparisonResult(string Farm, IReadOnlyList<string> Backends, IReadOnlyList<ContenderResult> Contenders, TimeSpan Elapsed)
{
    /// <summary>Our proxy's figures with policy <paramref name="policy"/> (e.g. "peak-ewma").</summary>
    /// <param name="policy">One of the compared policies of ours.</param>
    /// <returns>The contender.</returns>
    /// <exception cref="ArgumentException">That policy was not part of the comparison.</exception>
    public ContenderResult Ours(string policy) => Find("ours", policy);

    /// <summary>YARP's figures with policy <paramref name="policy"/> (e.g. "PowerOfTwoChoices").</summary>
    /// <param name="policy">One of the compared YARP policies.</param>
    /// <returns>The contender.</returns>
    /// <exception cref="ArgumentException">That policy was not part of the comparison.</exception>
    public ContenderResult Yarp(string policy) => Find("YARP", policy);

    /// <summary>A table: one line per contender.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Farm}; per backend = {string.Join("/", Backends)}");
        foreach (var contender in Contenders)
        {
            text.AppendLine().Append(contender);
        }

        return text.ToString();
    }

    private ContenderResult Find(string kind, string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Contenders.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Policy, policy, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"No {kind} contender with policy '{policy}'. Compared: {string.Join(", ", Contenders.Where(c => c.Kind == kind).Select(c => c.Policy))}.",
                nameof(policy));
    }
}
