using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Workbook.Runner.Twins;

/// <summary>
/// Compiles a generated twin in memory as the program <c>dotnet run</c> will build, so a twin that
/// would not compile is caught when it is generated, with the line and the compiler's message.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class TwinCompilation
{
    [GeneratedRegex("^#:.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FileDirective();

    /// <summary>The compiler errors of <paramref name="source"/> (a twin), as "line N: CSxxxx message"; empty when it compiles.</summary>
    /// <param name="source">The twin's C# text.</param>
    /// <returns>The errors, at most ten.</returns>
    public static IReadOnlyList<string> Errors(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // The #: directives are for the SDK; blanking them keeps every other line where it is.
        string program = FileDirective().Replace(source, "");
        SyntaxTree tree = CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "twin",
            [tree],
            AnalysisReferences.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return
        [
            .. compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Take(10)
                .Select(d => $"line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}"),
        ];
    }
}
