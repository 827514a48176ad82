namespace Workbook;

/// <summary>Temporary.</summary>
public static class Hello
{
    /// <summary>Greets.</summary>
    public static string Say() => "hello from Workbook";
}
