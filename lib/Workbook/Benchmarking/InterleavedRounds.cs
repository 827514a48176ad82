namespace Workbook.Benchmarking;

/// <summary>
/// Measures several contenders side by side in one run: round after round, each contender takes
/// one sample, and the order reverses every round (A B, B A, A B …), so a slow drift of the
/// machine (other programs, heat, a growing heap) lands on every contender alike.
/// </summary>
/// <remarks>
/// Runs the contenders one at a time on the caller's behalf; nothing runs concurrently. A
/// contender that throws ends the measurement with its exception; cancellation is checked before
/// every sample and ends it with <see cref="OperationCanceledException"/>.
/// </remarks>
public static class InterleavedRounds
{
    /// <summary>Takes <paramref name="rounds"/> samples of every contender, interleaved, after an optional untimed warm-up call of each.</summary>
    /// <param name="contenders">At least one contender, with unique names.</param>
    /// <param name="rounds">Rounds (at least 1); each contender is sampled once per round.</param>
    /// <param name="warmUp">Call every contender once first and discard the result, so JIT compilation and first-use costs are not measured.</param>
    /// <param name="onSample">Called after each sample (round, contender, value), e.g. to print progress; optional.</param>
    /// <param name="cancellationToken">Stops before the next sample.</param>
    /// <returns>Every sample and the median of each contender.</returns>
    /// <exception cref="ArgumentException">No contenders, duplicate names, or a sample that is negative or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is below 1.</exception>
    public static async Task<RoundSamples> RunAsync(
        IReadOnlyList<Contender> contenders,
        int rounds,
        bool warmUp = true,
        Action<int, string, double>? onSample = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        if (contenders.Count == 0)
        {
            throw new ArgumentException("Give at least one contender to measure.", nameof(contenders));
        }

        if (contenders.Any(c => c is null))
        {
            throw new ArgumentException("A contender is null.", nameof(contenders));
        }

        string? duplicate = contenders.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two contenders are named '{duplicate}'; names must be unique.", nameof(contenders));
        }

        if (warmUp)
        {
            foreach (Contender contender in contenders)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await contender.Measure(cancellationToken).ConfigureAwait(false);
            }
        }

        var samples = contenders.Select(_ => new double[rounds]).ToArray();
        var order = new List<(int, string)>(rounds * contenders.Count);
        for (int round = 0; round < rounds; round++)
        {
            foreach (int index in OrderOfRound(contenders.Count, round))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Contender contender = contenders[index];
                double value = await contender.Measure(cancellationToken).ConfigureAwait(false);
                if (!(double.IsFinite(value) && value >= 0))
                {
                    throw new ArgumentException($"Contender '{contender.Name}' returned {value} in round {round + 1}; a sample must be a finite number, 0 or more.", nameof(contenders));
                }

                samples[index][round] = value;
                order.Add((round, contender.Name));
                onSample?.Invoke(round, contender.Name, value);
            }
        }

        return new RoundSamples(
            [.. contenders.Select((c, i) => ContenderResult.FromSamples(c.Name, c.Unit, samples[i]))],
            order);
    }

    /// <summary>The contender indexes in the order round <paramref name="round"/> (from 0) samples them: forwards in even rounds, backwards in odd ones.</summary>
    /// <param name="count">How many contenders (at least 1).</param>
    /// <param name="round">The round, from 0.</param>
    /// <returns>A permutation of 0..count-1.</returns>
    public static IReadOnlyList<int> OrderOfRound(int count, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        IEnumerable<int> forwards = Enumerable.Range(0, count);
        return [.. round % 2 == 0 ? forwards : forwards.Reverse()];
    }
}
