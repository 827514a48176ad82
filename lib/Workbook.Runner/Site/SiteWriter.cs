using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Markdig;
using Workbook.Runner.Execution;
using Workbook.Runner.Notebooks;

namespace Workbook.Runner.Site;

/// <summary>
/// Writes the static HTML site: an index of chapters (status, cells, time) and one page per executed
/// notebook with its Markdown rendered, its code, and its outputs. plotly.js is written beside the
/// pages and loaded from there, so charts draw with no network.
/// </summary>
public static class SiteWriter
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Writes the site for <paramref name="outcomes"/> into <paramref name="folder"/>; returns the index path.</summary>
    public static string Write(string folder, IReadOnlyList<NotebookOutcome> outcomes)
    {
        Directory.CreateDirectory(folder);
        var plotly = PlotlyBundle.WriteTo(folder);
        File.WriteAllText(Path.Combine(folder, "site.css"), SiteStyle.Css);

        var pages = outcomes.Select(o => (Outcome: o, Page: PageName(o.Notebook))).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var (outcome, page) = pages[i];
            var previous = i > 0 ? pages[i - 1].Page : null;
            var next = i < pages.Count - 1 ? pages[i + 1].Page : null;
            File.WriteAllText(Path.Combine(folder, page), NotebookPage(outcome, plotly, previous, next), Encoding.UTF8);
        }
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, IndexPage(pages, plotly), Encoding.UTF8);
        return index;
    }

    /// <summary>The page file name for a notebook path (01-threads.ipynb → 01-threads.html).</summary>
    public static string PageName(string notebookPath) => Path.GetFileNameWithoutExtension(notebookPath) + ".html";

    private static string IndexPage(IReadOnlyList<(NotebookOutcome Outcome, string Page)> pages, string plotly)
    {
        var body = new StringBuilder();
        body.AppendLine("<h1>Concurrency Workbook</h1>");
        body.AppendLine("<p>High-concurrency programming in .NET, chapter by chapter. Every page below was produced by executing its notebook; the charts are live plotly charts drawn from the measurements of that run.</p>");
        body.AppendLine("<table class=\"summary\"><thead><tr><th>Chapter</th><th>Status</th><th>Code cells</th><th>Failed</th><th>Seconds</th></tr></thead><tbody>");
        foreach (var (o, page) in pages)
        {
            var status = o.Succeeded ? "<span class=\"ok\">ok</span>" : $"<span class=\"bad\">{Enc(o.StatusText)}</span>";
            body.AppendLine($"<tr><td><a href=\"{Enc(page)}\">{Enc(o.Title)}</a></td><td>{status}</td><td>{o.Cells.Count}</td><td>{o.FailedCells}</td><td>{o.Seconds:0.0}</td></tr>");
        }
        body.AppendLine("</tbody></table>");
        body.AppendLine($"<p class=\"meta\">Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}.</p>");
        return Layout("Concurrency Workbook", plotly, body.ToString());
    }

    private static string NotebookPage(NotebookOutcome outcome, string plotly, string? previous, string? next)
    {
        var body = new StringBuilder();
        body.Append("<nav><a href=\"index.html\">Contents</a>");
        if (previous is not null) body.Append($" · <a href=\"{Enc(previous)}\">previous</a>");
        if (next is not null) body.Append($" · <a href=\"{Enc(next)}\">next</a>");
        body.AppendLine("</nav>");
        if (outcome.Error is not null) body.AppendLine($"<pre class=\"err\">{Enc(outcome.Error)}</pre>");
        if (outcome.ExecutedPath is not null && File.Exists(outcome.ExecutedPath))
        {
            var document = NotebookDocument.Load(outcome.ExecutedPath);
            foreach (var cell in document.Cells) AppendCell(body, cell);
        }
        return Layout(outcome.Title, plotly, body.ToString());
    }

    private static void AppendCell(StringBuilder body, NotebookCell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                body.AppendLine($"<section class=\"md\">{Markdig.Markdown.ToHtml(cell.Source, Markdown)}</section>");
                return;
            case CellKind.Raw:
                body.AppendLine($"<pre class=\"raw\">{Enc(cell.Source)}</pre>");
                return;
        }
        body.AppendLine("<section class=\"cell\">");
        body.AppendLine($"<pre class=\"code\"><code class=\"language-csharp\">{Enc(cell.Source)}</code></pre>");
        if (cell.Json["outputs"] is JsonArray outputs)
            foreach (var output in outputs.OfType<JsonObject>()) AppendOutput(body, output);
        body.AppendLine("</section>");
    }

    private static void AppendOutput(StringBuilder body, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var css = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                body.AppendLine($"<pre class=\"{css}\">{Enc(Lines(output["text"]))}</pre>");
                break;
            case "error":
                body.AppendLine($"<pre class=\"err\">{Enc(output["ename"]?.GetValue<string>() + ": " + output["evalue"]?.GetValue<string>())}</pre>");
                break;
            case "display_data" or "execute_result":
                var data = output["data"] as JsonObject;
                if (data?["text/html"] is { } html) body.AppendLine($"<div class=\"output\">{Lines(html)}</div>");
                else if (data?["text/plain"] is { } plain) body.AppendLine($"<pre class=\"stdout\">{Enc(Lines(plain))}</pre>");
                break;
        }
    }

    private static string Lines(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(l => l?.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    private static string Layout(string title, string plotly, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Enc(title)}</title>
        <link rel="stylesheet" href="site.css">
        <script src="{Enc(plotly)}"></script>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    private static string Enc(string? text) => WebUtility.HtmlEncode(text ?? "");
}
