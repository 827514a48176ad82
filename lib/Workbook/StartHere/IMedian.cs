namespace Workbook.StartHere;

/// <summary>The answer type of exercise 00.1: the median of a sample.</summary>
public interface IMedian
{
    /// <summary>The median of <paramref name="values"/>; the list must not be changed.</summary>
    double Of(IReadOnlyList<double> values);
}
