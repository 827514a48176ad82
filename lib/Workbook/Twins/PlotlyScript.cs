using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Workbook.Charts;

namespace Workbook.Twins;

/// <summary>
/// The plotly.js bundle for chart files written outside a notebook. The library's build copies the
/// Plotly.NET package's DLL to <c>plotly/</c> beside Workbook.dll; that DLL embeds a minified plotly.js
/// 2.x, which is read straight from its resources (nothing of Plotly.NET is loaded or run).
/// </summary>
/// <remarks>Stateless; safe to call from any thread (two callers writing the same file write the same bytes).</remarks>
public static class PlotlyScript
{
    /// <summary>The file name the script is written under, e.g. <c>plotly-2.28.0.min.js</c>.</summary>
    public const string FileName = "plotly-" + ChartHtml.PlotlyVersion + ".min.js";

    /// <summary>
    /// Writes <see cref="FileName"/> into <paramref name="folder"/> unless it is there already.
    /// </summary>
    /// <param name="folder">The folder the chart pages are written to (or their parent).</param>
    /// <returns>The path of the script, or null when no bundle ships with this build (pages then fetch plotly.js from its CDN).</returns>
    /// <exception cref="InvalidDataException">The bundled DLL exists but holds no plotly.js of the pinned version.</exception>
    public static string? WriteTo(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string target = Path.Combine(folder, FileName);
        if (File.Exists(target))
        {
            return target;
        }

        string? dll = FindBundle();
        if (dll is null)
        {
            return null;
        }

        byte[] script = Extract(dll);
        Directory.CreateDirectory(folder);
        // Write then rename: a twin stopped half-way never leaves a truncated script behind.
        string temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, script);
        File.Move(temporary, target, overwrite: true);
        return target;
    }

    /// <summary>Where the bundled Plotly.NET.dll is, or null.</summary>
    internal static string? FindBundle()
    {
        string?[] folders = [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(PlotlyScript).Assembly.Location)];
        return folders
            .Where(f => !string.IsNullOrEmpty(f))
            .Select(f => Path.Combine(f!, "plotly", "Plotly.NET.dll"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Reads the embedded <c>plotly-VERSION.min.js</c> resource out of <paramref name="dll"/>.</summary>
    internal static byte[] Extract(string dll)
    {
        using FileStream stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        foreach (ManifestResourceHandle handle in metadata.ManifestResources)
        {
            ManifestResource resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.GetString(resource.Name).EndsWith(FileName, StringComparison.Ordinal))
            {
                continue;
            }

            // Embedded resources sit in the CLI resources directory, each as a 4-byte length and the bytes.
            DirectoryEntry directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            PEMemoryBlock block = pe.GetSectionData(directory.RelativeVirtualAddress);
            BlobReader reader = block.GetReader(checked((int)resource.Offset), block.Length - checked((int)resource.Offset));
            int length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }

        throw new InvalidDataException($"{dll} has no embedded {FileName}; the chart pages need plotly.js {ChartHtml.PlotlyVersion}.");
    }
}
