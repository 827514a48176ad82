// Exercise 08.3: Parse without allocating
#nullable enable
using System;
using System.Globalization;
using Workbook.Tuning;

// Reference solution: a span is a view into the string, so cutting it into fields and values
// copies nothing, and int.Parse reads the digits straight from the span. No array, no substring.
public sealed class ValueSummer : IValueSummer
{
    public long SumValues(string line)
    {
        long sum = 0;
        ReadOnlySpan<char> rest = line;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf(';');
            ReadOnlySpan<char> field = end < 0 ? rest : rest[..end];
            sum += int.Parse(field[(field.IndexOf('=') + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[(end + 1)..];
        }

        return sum;
    }
}
