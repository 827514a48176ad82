namespace Workbook.Balancing;

/// <summary>Validates the backend list every balancer is built from.</summary>
internal static class BackendList
{
    /// <summary>
    /// Copies <paramref name="backends"/> into an array after checking it is non-empty, has no
    /// nulls, no duplicate names (ordinal comparison) and no weight below 1.
    /// </summary>
    public static Backend[] Validate(IEnumerable<Backend> backends, string paramName = "backends")
    {
        ArgumentNullException.ThrowIfNull(backends, paramName);
        var list = backends.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A balancer needs at least one backend; the list is empty.", paramName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            var backend = list[i] ?? throw new ArgumentException($"Backend #{i} is null.", paramName);

            // A record can be copied with 'with { Weight = 0 }', which skips the constructor check.
            if (backend.Weight <= 0)
            {
                throw new ArgumentOutOfRangeException(paramName, backend.Weight, $"Backend '{backend.Name}' has weight {backend.Weight}; weights must be 1 or more.");
            }

            if (string.IsNullOrWhiteSpace(backend.Name))
            {
                throw new ArgumentException($"Backend #{i} has a blank name.", paramName);
            }

            if (!seen.Add(backend.Name))
            {
                throw new ArgumentException($"Duplicate backend name '{backend.Name}': every backend needs a unique name.", paramName);
            }
        }

        return list;
    }
}
