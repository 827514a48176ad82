namespace Workbook.Tests.Processes;

/// <summary>An independent oracle for prime counts: a sieve, unlike the trial division under test.</summary>
internal static class Primes
{
    private static readonly Lazy<int[]> PrefixCounts = new(() => BuildPrefixCounts(2_000_001));

    /// <summary>The number of primes in [from, to), for to up to 2,000,001.</summary>
    public static long Count(long from, long to)
    {
        int[] prefix = PrefixCounts.Value;
        return prefix[to] - prefix[from];
    }

    private static int[] BuildPrefixCounts(int limit)
    {
        var composite = new bool[limit];
        var prefix = new int[limit + 1];
        for (int n = 2; (long)n * n < limit; n++)
        {
            if (!composite[n])
            {
                for (int m = n * n; m < limit; m += n)
                {
                    composite[m] = true;
                }
            }
        }

        for (int n = 0; n < limit; n++)
        {
            prefix[n + 1] = prefix[n] + (n >= 2 && !composite[n] ? 1 : 0);
        }

        return prefix;
    }
}
