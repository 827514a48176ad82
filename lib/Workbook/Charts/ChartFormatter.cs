using Microsoft.DotNet.Interactive.Formatting;
using XPlot.Plotly;

namespace Workbook.Charts;

/// <summary>
/// Teaches the .NET Interactive kernel to show a <see cref="PlotlyChart"/> as a drawn chart (via
/// <see cref="ChartHtml.Render"/>) when it is a cell's last expression or passed to <c>display(...)</c>.
/// The notebooks' setup cell calls <see cref="Register"/>.
/// </summary>
/// <remarks>
/// Thread-safe and idempotent: registering twice leaves one formatter. If the kernel's formatters
/// are reset (<c>Formatter.ResetToDefault()</c>), calling <see cref="Register"/> again restores it.
/// The Microsoft.DotNet.Interactive.Formatting assembly comes from the kernel at run time.
/// </remarks>
public static class ChartFormatter
{
    private static readonly Lock Gate = new();
    private static ITypeFormatter? _formatter;

    /// <summary>Registers the HTML formatter for <see cref="PlotlyChart"/>, unless it is registered already.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            _formatter ??= new HtmlFormatter<PlotlyChart>((chart, context) => context.Writer.Write(ChartHtml.Render(chart)));
            if (IsRegistered)
            {
                return;
            }
            Formatter.Register(_formatter);
            // Charts should be shown as HTML first, never as XPlot's plain-text property dump.
            Formatter.SetPreferredMimeTypesFor(typeof(PlotlyChart), HtmlFormatter.MimeType);
        }
    }

    /// <summary>Whether the chart formatter is currently registered with the kernel.</summary>
    public static bool IsRegistered
    {
        get
        {
            lock (Gate)
            {
                ITypeFormatter? mine = _formatter;
                return mine is not null && Formatter.RegisteredFormatters(includeDefaults: false).Contains(mine);
            }
        }
    }
}
