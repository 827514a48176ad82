namespace Workbook.SideBySide;

/// <summary>What the Python half of a workload reported: who ran it and what it measured.</summary>
/// <param name="Interpreter">The interpreter that ran it.</param>
/// <param name="Measurement">The result it computed and its best times.</param>
public sealed record PythonReport(PythonInterpreter Interpreter, SideMeasurement Measurement);
