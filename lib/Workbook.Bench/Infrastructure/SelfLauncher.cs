using System.Diagnostics;

namespace Workbook.Bench.Infrastructure;

/// <summary>Starts this benchmark program again as a child in one of its child modes (<c>--child …</c>).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class SelfLauncher
{
    /// <summary>The program and leading arguments that start this program: the apphost itself, or <c>dotnet Workbook.Bench.dll</c>.</summary>
    /// <returns>The executable and the arguments that must precede the child mode's own.</returns>
    public static (string FileName, IReadOnlyList<string> Prefix) Command()
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown, so it cannot start itself as a child.");
        string name = Path.GetFileNameWithoutExtension(self);
        // Run as "dotnet Workbook.Bench.dll": the host must be told which program to load.
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (self, [typeof(SelfLauncher).Assembly.Location])
            : (self, []);
    }

    /// <summary>Runs a child mode to completion and returns its output.</summary>
    /// <param name="arguments">The child mode and its arguments, e.g. <c>["--child", "starvation", …]</c>.</param>
    /// <param name="limit">The longest the child may run.</param>
    /// <param name="cancellationToken">Kills the child early.</param>
    /// <returns>The child's output.</returns>
    public static Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan limit, CancellationToken cancellationToken)
    {
        var (fileName, prefix) = Command();
        return ExternalCommand.RunAsync(fileName, [.. prefix, .. arguments], Environment.CurrentDirectory, limit, cancellationToken);
    }

    /// <summary>Starts a long-lived child mode with its stdin and stdout connected to this process.</summary>
    /// <param name="arguments">The child mode and its arguments.</param>
    /// <returns>The started process; the caller must end and dispose it.</returns>
    public static Process Start(IReadOnlyList<string> arguments)
    {
        var (fileName, prefix) = Command();
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (string argument in prefix.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName} as a child.");
    }
}
