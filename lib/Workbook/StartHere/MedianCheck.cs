using System.Globalization;
using Workbook.Exercises;

namespace Workbook.StartHere;

/// <summary>
/// The check of exercise 00.1. Each case targets one classic mistake: forgetting to sort, taking the
/// upper middle for an even count, integer division of the index, sorting the caller's data in place.
/// </summary>
internal static class MedianCheck
{
    public static string Verify(Func<IMedian> create, CheckContext context)
    {
        var median = create();
        Expect(median, [7.0], 7.0, "a single value", context);
        Expect(median, [1.0, 2.0, 3.0], 2.0, "three sorted values", context);
        Expect(median, [1.0, 2.0, 100.0], 2.0, "a skewed sample (the median is not the mean: one large value must not move it)", context);
        Expect(median, [9.0, 1.0, 5.0], 5.0, "three unsorted values (sort a copy first)", context);
        Expect(median, [4.0, 1.0, 3.0, 2.0], 2.5, "an even count: the mean of the two middle values", context);
        Expect(median, [5.0, 5.0, 1.0, 9.0, 5.0], 5.0, "duplicates", context);
        Expect(median, [-3.5, 10.25], 3.375, "two values, one negative", context);

        // A larger seeded sample, compared with a reference computed here.
        var random = context.CreateRandom();
        for (var size = 100; size <= 101; size++)
        {
            var data = Enumerable.Range(0, size).Select(_ => Math.Round(random.NextDouble() * 1000, 3)).ToArray();
            var sorted = data.Order().ToArray();
            var expected = size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
            Expect(median, data, expected, $"{size} random values", context);
        }
        return "single value, odd and even counts, unsorted input, duplicates, negatives and 200 random values all give the right median, and the caller's list is left as it was.";
    }

    private static void Expect(IMedian median, double[] input, double expected, string what, CheckContext context)
    {
        var copy = (double[])input.Clone();
        var wrapped = Array.AsReadOnly(copy);
        double actual;
        try
        {
            actual = median.Of(wrapped);
        }
        catch (NotSupportedException)
        {
            context.Fail($"for {what} your code tried to change the list it was given; a median must not reorder the caller's data. Sort a copy (values.Order().ToArray()).");
            return;
        }
        context.Require(copy.SequenceEqual(input), $"for {what} the caller's data was reordered: sort a copy, never the input.");
        context.Require(
            Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
            $"for {what} [{Show(input)}] the median is {Num(expected)}, your code returned {Num(actual)}."
                + (input.Length % 2 == 0 ? " With an even count the median is the mean of the two middle values." : ""));
    }

    private static string Show(double[] values) =>
        values.Length <= 6 ? string.Join(", ", values.Select(Num)) : $"{values.Length} values";

    private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
