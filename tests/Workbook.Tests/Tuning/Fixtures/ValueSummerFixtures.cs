using System.Globalization;
using Workbook.Tuning;

namespace Workbook.Tests.Tuning.Fixtures;

// Exercise 08.3 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
// TODO: sum the values of "name=value;name=value" without allocating.
public sealed class ValueSummerStub : IValueSummer
{
    public long SumValues(string line) => throw new NotImplementedException();
}

// Wrong answer: correct, but Split allocates an array and a string per part on every call.
public sealed class SplitValueSummer : IValueSummer
{
    public long SumValues(string line) =>
        line.Length == 0 ? 0 : line.Split(';').Sum(field => (long)int.Parse(field.Split('=')[1], CultureInfo.InvariantCulture));
}

// Wrong answer: correct, but Substring makes a new string per value.
public sealed class SubstringValueSummer : IValueSummer
{
    public long SumValues(string line)
    {
        long sum = 0;
        int start = 0;
        while (start < line.Length)
        {
            int end = line.IndexOf(';', start);
            if (end < 0)
            {
                end = line.Length;
            }

            int equals = line.IndexOf('=', start);
            sum += int.Parse(line.Substring(equals + 1, end - equals - 1), CultureInfo.InvariantCulture);
            start = end + 1;
        }

        return sum;
    }
}

// Wrong answer: allocation-free, but its hand-written digit loop ignores the minus sign.
public sealed class UnsignedValueSummer : IValueSummer
{
    public long SumValues(string line)
    {
        long sum = 0, value = 0;
        bool inValue = false;
        foreach (char c in line)
        {
            if (c == '=')
            {
                inValue = true;
            }
            else if (c == ';')
            {
                sum += value;
                value = 0;
                inValue = false;
            }
            else if (inValue && char.IsAsciiDigit(c))
            {
                value = (value * 10) + (c - '0');
            }
        }

        return sum + value;
    }
}
