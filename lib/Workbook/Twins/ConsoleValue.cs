using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Workbook.Twins;

/// <summary>
/// Turns a value a notebook would display into console text: a sequence of objects becomes a table
/// with one column per public property (as the notebook's table shows it), anything else its
/// <see cref="object.ToString"/>.
/// </summary>
/// <remarks>Stateless; safe from any thread. Sequences are enumerated once, up to <see cref="MaxRows"/> + 1 items.</remarks>
public static class ConsoleValue
{
    /// <summary>The most rows a table shows; a last line says how many more there were.</summary>
    public const int MaxRows = 50;

    /// <summary>The widest a table cell is printed; longer text is cut with an ellipsis.</summary>
    public const int MaxCellWidth = 40;

    /// <summary>The text for <paramref name="value"/>.</summary>
    /// <param name="value">Any value; null prints as <c>(null)</c>.</param>
    /// <returns>The text, lines separated by <c>\n</c>, no trailing newline.</returns>
    public static string Render(object? value) => value switch
    {
        null => "(null)",
        string text => text,
        IEnumerable sequence when value is not IFormattable => Table(sequence),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Table(IEnumerable sequence)
    {
        var items = new List<object?>();
        bool more = false;
        foreach (object? item in sequence)
        {
            if (items.Count == MaxRows)
            {
                more = true;
                break;
            }

            items.Add(item);
        }

        if (items.Count == 0)
        {
            return "(empty)";
        }

        Type? shared = items.All(i => i is not null) ? items.Select(i => i!.GetType()).Distinct().SingleOrDefault() : null;
        PropertyInfo[] columns = shared is null || IsScalar(shared) ? [] : Columns(shared);
        string[] header = columns.Length == 0 ? ["value"] : [.. columns.Select(c => c.Name)];
        List<string[]> rows =
        [
            .. items.Select(item => columns.Length == 0
                ? new[] { Cell(item, MaxCellWidth) }
                : columns.Select(c => Cell(c.GetValue(item), MaxCellWidth)).ToArray()),
        ];

        int[] widths = [.. Enumerable.Range(0, header.Length).Select(c => Math.Max(header[c].Length, rows.Max(r => r[c].Length)))];
        var text = new StringBuilder();
        Line(text, header, widths);
        Line(text, [.. widths.Select(w => new string('-', w))], widths);
        foreach (string[] row in rows)
        {
            Line(text, row, widths);
        }

        if (more)
        {
            text.Append(CultureInfo.InvariantCulture, $"... (only the first {MaxRows} rows are shown)\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    // Scalars print as one column: numbers, text, times, enums.
    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || typeof(IFormattable).IsAssignableFrom(type);

    private static PropertyInfo[] Columns(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)];

    private static string Cell(object? value, int width)
    {
        string text = value switch
        {
            null => "",
            double d => d.ToString("G6", CultureInfo.InvariantCulture),
            float f => f.ToString("G6", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            string s => s,
            ICollection collection => $"({collection.Count} items)",
            _ => value.ToString() ?? "",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length <= width ? text : text[..(width - 1)] + "…";
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            text.Append(c == cells.Length - 1 ? cells[c] : cells[c].PadRight(widths[c] + 2));
        }

        text.Append('\n');
    }
}
