using System.Globalization;
using System.Text;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Tuning;

/// <summary>
/// The check of exercise 08.3: correct sums for seeded random lines, and zero bytes allocated over
/// many calls, measured exactly with <see cref="GC.GetAllocatedBytesForCurrentThread"/>.
/// </summary>
internal static class ValueSummerCheck
{
    private const int Lines = 500;
    private const int MeasuredCalls = 20_000;

    // A little slack for anything the runtime itself allocates on this thread meanwhile; a parser
    // that allocates even one object per call allocates hundreds of kilobytes here.
    private const long Slack = 1024;

    public static string Verify(Func<IValueSummer> create, CheckContext context)
    {
        IValueSummer summer = create();
        var cases = new List<(string Line, long Sum)> { ("", 0), ("x=5", 5), ("a=-7", -7), ("a=1;b=-2", -1), ("big=2147483647;bigger=2147483647", 4294967294) };
        Random random = context.CreateRandom(83);
        for (int i = 0; i < Lines; i++)
        {
            cases.Add(RandomLine(random));
        }

        foreach ((string line, long expected) in cases)
        {
            long got = summer.SumValues(line);
            context.Require(got == expected, $"SumValues(\"{line}\") returned {got}; expected {expected}.{Diagnose(line, got, expected)}");
        }

        // Warm up first, so one-time costs (JIT, static initialisation) are not charged to the answer.
        string[] lines = [.. cases.Select(c => c.Line)];
        long sink = 0;
        for (int i = 0; i < 2_000; i++)
        {
            sink += summer.SumValues(lines[i % lines.Length]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < MeasuredCalls; i++)
        {
            sink += summer.SumValues(lines[i % lines.Length]);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(sink);
        context.Require(
            allocated <= Slack,
            $"{Count(MeasuredCalls)} calls allocated {Count(allocated)} bytes ({(double)allocated / MeasuredCalls:0.0} per line): every call creates garbage. "
                + "string.Split allocates an array plus one string per part, and Substring or string concatenation a new string each time. "
                + "Work on line.AsSpan(): find separators with IndexOf, cut with Slice, and parse with int.Parse(ReadOnlySpan<char>).");
        return $"{cases.Count} lines summed correctly (negative values, the empty line and int.MaxValue included), and {Count(MeasuredCalls)} calls "
            + $"allocated {Count(allocated)} bytes on the managed heap.";
    }

    private static (string Line, long Sum) RandomLine(Random random)
    {
        int fields = random.Next(1, 9);
        var text = new StringBuilder();
        long sum = 0;
        for (int f = 0; f < fields; f++)
        {
            int value = random.Next(-1_000_000, 1_000_001);
            sum += value;
            if (f > 0)
            {
                text.Append(';');
            }

            for (int c = random.Next(1, 7); c > 0; c--)
            {
                text.Append((char)('a' + random.Next(26)));
            }

            text.Append('=').Append(value.ToString(CultureInfo.InvariantCulture));
        }

        return (text.ToString(), sum);
    }

    private static string Diagnose(string line, long got, long expected)
    {
        if (line.Contains('-', StringComparison.Ordinal) && got != expected)
        {
            return " Is a leading minus sign handled?";
        }

        return line.Length == 0 ? " The empty line has no fields: its sum is 0." : string.Empty;
    }
}
