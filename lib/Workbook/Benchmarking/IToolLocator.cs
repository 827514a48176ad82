namespace Workbook.Benchmarking;

/// <summary>Finds external programs; injected so tests can pretend a tool is missing or present.</summary>
public interface IToolLocator
{
    /// <summary>The full path of the executable called <paramref name="name"/>, or null when it is not installed.</summary>
    /// <param name="name">The executable's name, e.g. "wrk".</param>
    /// <returns>Its path, or null.</returns>
    string? Find(string name);
}

/// <summary>Looks programs up on the PATH, as a shell would.</summary>
/// <remarks>Stateless and thread-safe; reads PATH on every call.</remarks>
public sealed class PathToolLocator : IToolLocator
{
    /// <summary>The shared instance.</summary>
    public static PathToolLocator Instance { get; } = new();

    /// <inheritdoc />
    public string? Find(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", ".cmd", ""] : [""];
        foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string suffix in suffixes)
            {
                string candidate = Path.Combine(folder, name + suffix);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
