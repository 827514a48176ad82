namespace Workbook.Tuning;

/// <summary>
/// Adds up the values of a line of <c>name=value</c> fields separated by <c>;</c>, e.g.
/// <c>"cpu=12;disk=-3;net=40"</c> gives 49 (exercise 08.3).
/// </summary>
/// <remarks>
/// Values are whole numbers that fit an <see cref="int"/>, possibly negative; names are letters;
/// there are no spaces and no trailing separator. The empty line sums to 0. The implementation for
/// exercise 08.3 must not allocate on the managed heap.
/// </remarks>
public interface IValueSummer
{
    /// <summary>The sum of the line's values.</summary>
    /// <param name="line">The line, e.g. <c>"cpu=12;disk=-3"</c>.</param>
    /// <returns>The sum.</returns>
    long SumValues(string line);
}
