using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Workbook.Runner.Twins;

/// <summary>
/// Turns a Markdown cell into twin code: the prose as <c>//</c> comments, and every section heading
/// (<c>##</c>, <c>###</c>) as a <c>Twin.Section("...")</c> call that prints it when the program gets there.
/// </summary>
/// <remarks>Stateless and thread-safe. Lines inside fenced code blocks are never taken for headings.</remarks>
internal static class MarkdownText
{
    /// <summary>The headings of <paramref name="markdown"/> outside code fences, as (level, text).</summary>
    public static IEnumerable<(int Level, string Title)> Headings(string markdown)
    {
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced && Heading(line) is { } heading)
            {
                yield return heading;
            }
        }
    }

    /// <summary>The twin code for a Markdown cell: <c>Twin.Section</c> calls and comment lines, ending with a newline.</summary>
    /// <param name="markdown">The cell's text.</param>
    /// <returns>The code.</returns>
    public static string Code(string markdown)
    {
        var code = new StringBuilder();
        bool fenced = false;
        foreach (string line in markdown.TrimEnd().Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && Heading(line) is { Level: >= 2 } heading)
            {
                string level = heading.Level == 2 ? "" : ", level: 3";
                code.Append("Twin.Section(").Append(SymbolDisplay.FormatLiteral(heading.Title, quote: true)).Append(level).Append(");\n");
            }

            code.Append(Comment(line)).Append('\n');
        }

        return code.ToString();
    }

    /// <summary>Text as comment lines (<c>// text</c>, <c>//</c> for a blank line), each ending with a newline.</summary>
    public static string Comments(string text) =>
        string.Concat(text.TrimEnd().Split('\n').Select(line => Comment(line) + "\n"));

    private static string Comment(string line) => line.TrimEnd().Length == 0 ? "//" : "// " + line.TrimEnd();

    // ATX headings only (what the chapters use): 1-6 '#', a space, the text, optional closing '#'s.
    private static (int Level, string Title)? Heading(string line)
    {
        int level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        if (level is 0 or > 6 || level >= line.Length || line[level] != ' ')
        {
            return null;
        }

        string title = line[level..].Trim().TrimEnd('#').Trim();
        return title.Length == 0 ? null : (Math.Min(level, 3), title);
    }
}
