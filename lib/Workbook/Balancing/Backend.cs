namespace Workbook.Balancing;

/// <summary>
/// One server a balancer can send requests to: a unique <see cref="Name"/> and a positive
/// <see cref="Weight"/> (its share under weighted policies; 1 for "an ordinary server").
/// </summary>
/// <param name="Name">The backend's unique, non-blank name, e.g. <c>"api-1"</c>.</param>
/// <param name="Weight">Relative capacity, at least 1. Only weighted policies read it.</param>
public sealed record Backend(string Name, int Weight = 1)
{
    /// <summary>The backend's unique, non-blank name.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name)
        ? throw new ArgumentException("A backend needs a non-blank name.", nameof(Name))
        : Name;

    /// <summary>Relative capacity (1 or more); a weight-5 backend gets five times the share of a weight-1 backend.</summary>
    public int Weight { get; init; } = Weight > 0
        ? Weight
        : throw new ArgumentOutOfRangeException(nameof(Weight), Weight, $"Backend '{Name}' has weight {Weight}; weights must be 1 or more.");

    /// <summary>Creates <paramref name="count"/> weight-1 backends named <c>prefix0</c>, <c>prefix1</c>, ...</summary>
    /// <param name="count">How many backends (1 or more).</param>
    /// <param name="prefix">The name prefix; the index is appended.</param>
    /// <returns>The backends, in index order.</returns>
    public static Backend[] Range(int count, string prefix = "server")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var result = new Backend[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = new Backend(prefix + i);
        }

        return result;
    }

    /// <summary>Creates backends from (name, weight) pairs, e.g. <c>Backend.Weighted(("a", 5), ("b", 3))</c>.</summary>
    /// <param name="pairs">Names and weights.</param>
    /// <returns>The backends, in the given order.</returns>
    public static Backend[] Weighted(params (string Name, int Weight)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var result = new Backend[pairs.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            result[i] = new Backend(pairs[i].Name, pairs[i].Weight);
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => Weight == 1 ? Name : $"{Name} (weight {Weight})";
}
