using System.Text.Json;

namespace Workbook.Charts;

/// <summary>
/// Pulls the traces and layout JSON out of XPlot's <c>GetPlottingJS()</c> text
/// (<c>var data = [...]; var layout = {...}; Plotly.newPlot(...)</c>), using only XPlot's public API.
/// </summary>
internal static class PlottingScript
{
    /// <summary>Returns the data (a JSON array) and layout (a JSON object; "{}" when the chart has none).</summary>
    /// <exception cref="InvalidOperationException">The script is not in the shape XPlot 4.1.0 writes.</exception>
    public static (string Data, string Layout) Extract(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        int dataStart = ValueAfter(script, "var data =", 0);
        int dataEnd = EndOfValue(script, dataStart);
        int layoutStart = ValueAfter(script, "var layout =", dataEnd);
        int layoutEnd = EndOfValue(script, layoutStart);
        string data = script[dataStart..dataEnd].Trim();
        string layout = script[layoutStart..layoutEnd].Trim();
        // XPlot writes an empty string when a chart was built without a layout.
        if (layout.StartsWith('"'))
        {
            layout = "{}";
        }
        EnsureJson(data, JsonValueKind.Array);
        EnsureJson(layout, JsonValueKind.Object);
        return (data, layout);
    }

    private static int ValueAfter(string script, string marker, int from)
    {
        int at = script.IndexOf(marker, from, StringComparison.Ordinal);
        if (at < 0)
        {
            throw Unrecognised($"'{marker}' not found");
        }
        at += marker.Length;
        while (at < script.Length && char.IsWhiteSpace(script[at]))
        {
            at++;
        }
        return at;
    }

    // Finds where the JSON value starting at 'start' ends, skipping brackets inside strings,
    // so a title such as "var layout = ]" cannot confuse the search.
    private static int EndOfValue(string script, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < script.Length; i++)
        {
            char c = script[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                    break;
                case ';' when depth == 0:
                    return i;
            }
        }
        throw Unrecognised("a JSON value does not end");
    }

    private static void EnsureJson(string json, JsonValueKind expected)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != expected)
            {
                throw Unrecognised($"expected a JSON {expected}, found {document.RootElement.ValueKind}");
            }
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException("XPlot's plotting script holds invalid JSON: " + error.Message, error);
        }
    }

    private static InvalidOperationException Unrecognised(string detail) =>
        new($"XPlot's plotting script has an unexpected shape ({detail}); ChartHtml expects XPlot.Plotly 4.1.0.");
}
