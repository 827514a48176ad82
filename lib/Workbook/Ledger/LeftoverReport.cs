namespace Workbook.Ledger;

/// <summary>
/// What is still there of the servers and processes the workbook opened: ports still listening,
/// processes still running, and any server that was not bound to a loopback address.
/// </summary>
/// <param name="Checked">How many ledger entries were looked at.</param>
/// <param name="Listening">Listeners whose owner never closed them and whose port is still listening.</param>
/// <param name="Running">Processes whose owner never closed them and that are still running.</param>
/// <param name="NotLoopback">Listeners bound to an address other than 127.0.0.1 / ::1 (open or closed).</param>
public sealed record LeftoverReport(int Checked, IReadOnlyList<LedgerEntry> Listening, IReadOnlyList<LedgerEntry> Running, IReadOnlyList<LedgerEntry> NotLoopback)
{
    /// <summary>True when nothing is left listening or running and every server was bound to loopback.</summary>
    public bool IsClean => Listening.Count == 0 && Running.Count == 0 && NotLoopback.Count == 0;

    /// <summary>E.g. "nothing left behind (6 servers and processes opened, all closed, all on loopback)" or the list of leftovers.</summary>
    /// <returns>One line when clean, otherwise one line per problem after a heading.</returns>
    public override string ToString()
    {
        if (IsClean)
        {
            return $"nothing left behind ({Checked} server socket(s) and process(es) opened, all closed, every server on loopback)";
        }

        var lines = new List<string>();
        lines.AddRange(Listening.Select(e => $"still listening: {e}"));
        lines.AddRange(Running.Select(e => $"still running: {e}"));
        lines.AddRange(NotLoopback.Select(e => $"not bound to loopback: {e}"));
        return "left behind: " + string.Join("; ", lines);
    }
}
