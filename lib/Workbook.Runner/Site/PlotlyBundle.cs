using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace Workbook.Runner.Site;

/// <summary>
/// The plotly.js bundle for the offline site. It comes from the Plotly.NET package, which embeds a
/// minified plotly.js 2.x as a resource; the runner build copies that DLL to <c>plotly/</c>.
/// </summary>
public static partial class PlotlyBundle
{
    [GeneratedRegex(@"plotly-(?<version>[0-9.]+)\.min\.js$")]
    private static partial Regex ResourceName();

    /// <summary>Writes plotly.js into <paramref name="folder"/> and returns the file name (e.g. plotly-2.28.0.min.js).</summary>
    /// <exception cref="FileNotFoundException">The runner build does not contain the bundle.</exception>
    public static string WriteTo(string folder)
    {
        var dll = Path.Combine(Path.GetDirectoryName(typeof(PlotlyBundle).Assembly.Location)!, "plotly", "Plotly.NET.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"plotly.js bundle missing: expected {dll}. Rebuild the runner: dotnet build lib/Workbook.Runner", dll);

        // A throwaway load context: only the resource is read, and nothing of Plotly.NET (or its
        // FSharp.Core) mixes with the runner's own assemblies.
        var context = new AssemblyLoadContext("plotly-bundle", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(dll);
            var name = assembly.GetManifestResourceNames().FirstOrDefault(n => ResourceName().IsMatch(n))
                ?? throw new InvalidOperationException($"{dll} has no embedded plotly-*.min.js resource.");
            var fileName = "plotly-" + ResourceName().Match(name).Groups["version"].Value + ".min.js";
            using var source = assembly.GetManifestResourceStream(name)!;
            using var target = File.Create(Path.Combine(folder, fileName));
            source.CopyTo(target);
            return fileName;
        }
        finally
        {
            context.Unload();
        }
    }
}
