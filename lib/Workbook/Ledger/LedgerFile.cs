using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workbook.Ledger;

/// <summary>
/// The ledger's on-disk form: one JSON object per line, "open" records and "close" records matched by
/// id. Appended by every copy of the library in every process that has the file's path in
/// <see cref="ResourceLedger.FileVariable"/>, read back by the runner.
/// </summary>
/// <remarks>Thread-safe; each record is one short append, which the OS keeps whole.</remarks>
internal static class LedgerFile
{
    private static readonly Lock WriteGate = new();

    private sealed record Line(string Event, string Id, LedgerKind Kind = LedgerKind.Listener, string Owner = "", string Address = "", int Port = 0, int Pid = 0, long Start = 0, int By = 0, string? Scope = null);

    public static void AppendOpened(string path, LedgerEntry e) =>
        Append(path, new Line("open", e.Id, e.Kind, e.Owner, e.Address, e.Port, e.ProcessId, e.StartTicks, e.RecordedBy, e.Scope));

    public static void AppendClosed(string path, LedgerEntry e) => Append(path, new Line("close", e.Id));

    public static IReadOnlyList<LedgerEntry> Read(string path)
    {
        var entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length == 0)
            {
                continue;
            }

            Line line;
            try
            {
                line = JsonSerializer.Deserialize<Line>(text) ?? throw new JsonException("empty record");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path} line {number} is not a ledger record: {e.Message}"), e);
            }

            if (line.Event == "open")
            {
                entries[line.Id] = new LedgerEntry(line.Id, line.Kind, line.Owner, line.Address, line.Port, line.Pid, line.Start, line.By, line.Scope);
            }
            else if (entries.TryGetValue(line.Id, out var opened))
            {
                opened.MarkClosed();
            }
        }

        return [.. entries.Values];
    }

    private static void Append(string path, Line line)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line) + "\n");
        lock (WriteGate)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                stream.Write(bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Bookkeeping must never stop a server or a worker from starting; the in-memory ledger still has it.
                System.Diagnostics.Debug.WriteLine($"resource ledger {path} not written: {e.Message}");
            }
        }
    }
}
