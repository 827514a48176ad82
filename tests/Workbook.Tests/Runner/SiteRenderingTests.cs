using System.Diagnostics;
using Workbook.Runner.Authoring;
using Workbook.Runner.Execution;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

/// <summary>Runs only where Debian's chromium is installed; on CI (CI=true) a missing browser fails instead.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "chromium is not installed (Debian package: apt-get install chromium); the site rendering check needs it.";
    }
}

public static class Chromium
{
    public static string? Path { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Loads a local page with every network request blocked and returns the DOM after scripts ran.</summary>
    public static async Task<string> DumpDomAsync(string page, string profile, TimeSpan bound)
    {
        Assert.True(Path is not null, "chromium is not installed: apt-get install chromium");
        var info = new ProcessStartInfo(Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
            // No network at all: every host name fails to resolve and no proxy can be reached.
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:1", "--proxy-bypass-list=<-loopback>",
            $"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(bound);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return await dom;
    }
}

[Collection(RunnerCollection.Name)]
public class SiteRenderingTests
{
    [ChromiumFact]
    public async Task Site_ChartPage_DrawsChartOffline()
    {
        using var temp = new TempFolder();
        var dib = "#!markdown\n\n# Chart check\n\n#!csharp\n\n#load \"workbook.csx\"\n\n#!csharp\n\n"
                + "Plot.Line(new Series(\"squares\", [1.0, 2, 3, 4, 5], [1.0, 4, 9, 16, 25]), \"Squares\", \"n\", \"n squared\")\n";
        // A private copy of the repository's shape: notebooks/ with the setup script, and a link to
        // the built library, so the test never writes into the real notebooks/ folder.
        var notebooks = Directory.CreateDirectory(temp.File("notebooks")).FullName;
        File.Copy(Path.Combine(Repo.Notebooks, "workbook.csx"), Path.Combine(notebooks, "workbook.csx"));
        Directory.CreateSymbolicLink(temp.File("artifacts"), Path.Combine(Repo.Root, "artifacts"));
        var notebook = Path.Combine(notebooks, "chart-check.ipynb");
        File.WriteAllText(notebook, NotebookTemplate.FromDib(dib));

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var report = await WorkbookRun.RunAsync(new RunOptions([notebook], temp.File("out"), new ExecuteOptions(TimeSpan.FromMinutes(2), false)), cancellationToken: cts.Token).WaitAsync(TimeSpan.FromMinutes(4));
        Assert.True(report.Succeeded, SummaryTable.Format(report));

        var page = temp.File("out/site/chart-check.html");
        var html = File.ReadAllText(page);
        Assert.DoesNotContain("<script src=\"http", html);

        var dom = await Chromium.DumpDomAsync(page, temp.File("profile"), TimeSpan.FromMinutes(2));
        Assert.Contains("class=\"main-svg\"", dom);   // plotly drew its SVG
        Assert.Contains("Squares", dom);              // with our chart's title
    }
}
