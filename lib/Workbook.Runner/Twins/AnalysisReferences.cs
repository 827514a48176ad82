using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Workbook.Runner.Twins;

/// <summary>
/// The assemblies a notebook cell compiles against when the twin generator analyses it: the .NET and
/// ASP.NET Core shared frameworks and the workbook library with its dependencies, all taken from the
/// assemblies this process itself runs on (the runner references the library).
/// </summary>
/// <remarks>Built once, on first use; immutable and thread-safe afterwards.</remarks>
internal static class AnalysisReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_all = new(Build);

    /// <summary>The references, each assembly once.</summary>
    public static IReadOnlyList<MetadataReference> All => s_all.Value;

    private static IReadOnlyList<MetadataReference> Build()
    {
        // Every managed assembly the host may load, by simple name.
        var trusted = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        string[] frameworks =
        [
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!,
        ];
        var paths = new SortedSet<string>(trusted.Values.Where(p => frameworks.Contains(Path.GetDirectoryName(p), StringComparer.Ordinal)), StringComparer.Ordinal);

        // The library and what it references, transitively (XPlot, Nerdbank.Streams, Redis ...).
        var pending = new Stack<Assembly>([typeof(Workbook.Notebook).Assembly]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            Assembly assembly = pending.Pop();
            if (!seen.Add(assembly.GetName().Name!) || string.IsNullOrEmpty(assembly.Location))
            {
                continue;
            }

            paths.Add(assembly.Location);
            foreach (AssemblyName name in assembly.GetReferencedAssemblies())
            {
                if (name.Name is null || seen.Contains(name.Name) || !trusted.ContainsKey(name.Name))
                {
                    continue;
                }

                try
                {
                    pending.Push(Assembly.Load(name));
                }
                catch (FileNotFoundException)
                {
                    // Compile-time-only references (the kernel's formatting API) are not needed to bind cells.
                }
            }
        }

        return [.. paths.Select(p => MetadataReference.CreateFromFile(p))];
    }
}
