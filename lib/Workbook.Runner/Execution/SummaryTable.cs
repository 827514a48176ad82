using System.Text;

namespace Workbook.Runner.Execution;

/// <summary>Formats a run as a plain-text table: notebook, cells, seconds, status, then failures.</summary>
public static class SummaryTable
{
    /// <summary>The table, followed by one line per failed cell and the total time.</summary>
    public static string Format(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Notebooks.Select(n => (Name: Path.GetFileName(n.Notebook), Cells: n.Cells.Count.ToString(), Seconds: n.Seconds.ToString("0.0"), Status: n.StatusText)).ToList();
        var w = (Name: Math.Max(8, rows.Select(r => r.Name.Length).DefaultIfEmpty().Max()), Cells: 5, Seconds: 7);
        var text = new StringBuilder();
        text.AppendLine($"{"notebook".PadRight(w.Name)}  {"cells",5}  {"seconds",7}  status");
        text.AppendLine($"{new string('-', w.Name)}  {new string('-', 5)}  {new string('-', 7)}  ------");
        foreach (var r in rows) text.AppendLine($"{r.Name.PadRight(w.Name)}  {r.Cells,5}  {r.Seconds,7}  {r.Status}");
        text.AppendLine($"{"total".PadRight(w.Name)}  {report.Notebooks.Sum(n => n.Cells.Count),5}  {report.Seconds,7:0.0}  {(report.Succeeded ? "ok" : "FAILED")}");
        foreach (var n in report.Notebooks.Where(n => !n.Succeeded))
        {
            text.AppendLine();
            if (n.Error is not null) text.AppendLine($"{Path.GetFileName(n.Notebook)}: {n.Error}");
            foreach (var c in n.Cells.Where(c => c.Status != CellStatus.Passed))
                text.AppendLine($"{Path.GetFileName(n.Notebook)} {c.Label}: {c.Status}: {c.Error}");
        }
        return text.ToString();
    }
}
