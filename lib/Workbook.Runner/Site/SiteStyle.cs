namespace Workbook.Runner.Site;

/// <summary>The site's single stylesheet: readable prose width, code and outputs set apart.</summary>
internal static class SiteStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; background: #fafafa; color: #1d1d1f; }
        main { max-width: 980px; margin: 0 auto; padding: 1.5rem 2rem 4rem; background: #fff; }
        nav { font-size: 0.9rem; margin-bottom: 1rem; }
        h1, h2, h3 { line-height: 1.25; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; }
        th { background: #f0f0f0; }
        blockquote { border-left: 4px solid #7aa7d8; margin: 1rem 0; padding: 0.2rem 1rem; background: #f3f7fc; }
        .cell { margin: 1rem 0; }
        pre { overflow-x: auto; padding: 0.6rem 0.8rem; border-radius: 4px; font-size: 0.85rem; }
        pre.code { background: #f4f4f7; border-left: 3px solid #5b6ee1; }
        pre.stdout { background: #fff; border: 1px solid #e3e3e3; }
        pre.stderr { background: #fff8e6; border: 1px solid #f0d9a0; }
        pre.err { background: #fdecec; border: 1px solid #e6a1a1; color: #8a1010; }
        .output { margin: 0.4rem 0; overflow-x: auto; }
        .ok { color: #137333; font-weight: 600; }
        .bad { color: #b3261e; font-weight: 600; }
        .meta { color: #666; font-size: 0.85rem; }
        """;
}
