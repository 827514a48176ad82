// Exercise 00.1: A correct median
using System.Linq;
using Workbook.StartHere;

// Reference solution: sort a copy, then take the middle value (or the mean of the two middle values).
public sealed class MyMedian : IMedian
{
    public double Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
