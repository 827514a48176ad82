namespace Workbook.Simulation;

/// <summary>Order statistics in linear expected time (quickselect), for percentiles over millions of samples.</summary>
internal static class Selection
{
    /// <summary>
    /// Returns the value that would sit at position <paramref name="k"/> if <paramref name="data"/> were
    /// sorted, reordering the span so that everything before k is ≤ it and everything after is ≥ it.
    /// </summary>
    public static float Select(Span<float> data, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, data.Length);
        int lo = 0, hi = data.Length - 1;

        // Quickselect is quadratic on adversarial input; past this many rounds, sort the rest instead.
        int budget = (2 * (64 - (int)ulong.LeadingZeroCount((ulong)data.Length))) + 8;
        while (lo < hi)
        {
            if (budget-- == 0)
            {
                data[lo..(hi + 1)].Sort();
                return data[k];
            }

            float pivot = MedianOfThree(data[lo], data[lo + ((hi - lo) / 2)], data[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (data[i] < pivot)
                {
                    i++;
                }

                while (data[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (data[i], data[j]) = (data[j], data[i]);
                    i++;
                    j--;
                }
            }

            // Now data[lo..j] <= pivot <= data[i..hi], and anything strictly between equals the pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return data[k];
            }
        }

        return data[k];
    }

    private static float MedianOfThree(float a, float b, float c) =>
        a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
}
