using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Workbook.Runner.Twins;

/// <summary>A code cell taken apart for the twin.</summary>
/// <param name="Usings">Its <c>using</c> directives (with any trailing comment), for the top of the file.</param>
/// <param name="Statements">Its top-level statements, rewritten, in order (empty when it has none).</param>
/// <param name="Types">Its type declarations, rewritten, for the end of the file.</param>
/// <param name="Charts">How many charts it displays (trailing expressions and <c>display</c> calls of chart type).</param>
/// <param name="Checks">Its <c>Exercises.Check</c> statements that need no earlier cell, rewritten for the checks-only path.</param>
internal sealed record CellParts(IReadOnlyList<string> Usings, string Statements, IReadOnlyList<string> Types, int Charts, IReadOnlyList<string> Checks);

/// <summary>
/// Rewrites one analysed cell as twin code: applies the renames, passes a displayed trailing
/// expression to <c>Twin.Show</c>, turns <c>display(x)</c> into <c>Twin.Show(x)</c> and
/// <c>Exercises.Check</c>/<c>Hint</c> into their <c>Twin</c> counterparts, and separates usings,
/// statements and type declarations, keeping the author's comments and layout.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class CellRewriter
{
    private const string ExercisesClass = "Workbook.Exercises.Exercises";
    private const string ChartClass = "XPlot.Plotly.PlotlyChart";

    /// <summary>Takes <paramref name="cell"/> apart with the names planned in <paramref name="names"/>.</summary>
    /// <exception cref="TwinException">The cell uses <c>display</c> in a way a twin cannot reproduce.</exception>
    public static CellParts Rewrite(ScriptCell cell, TwinNames names)
    {
        var root = cell.Tree.GetCompilationUnitRoot();
        string text = cell.Text;
        int charts = 0;
        var edits = new List<(TextSpan Span, string Text)>();

        foreach (SyntaxNode node in root.DescendantNodes())
        {
            switch (node)
            {
                case SimpleNameSyntax name when Bound(cell, name) is { } symbol && names.NewName(symbol) is { } renamed:
                    edits.Add((name.Identifier.Span, renamed));
                    break;
                case InvocationExpressionSyntax call when Bound(cell, call.Expression) is IMethodSymbol method:
                    charts += RewriteCall(cell, call, method, edits);
                    break;
                case ConstructorDeclarationSyntax constructor when cell.Model.GetDeclaredSymbol(constructor)?.ContainingType is { } type && names.NewName(type) is { } renamedType:
                    edits.Add((constructor.Identifier.Span, renamedType));
                    break;
            }
        }

        foreach (var (node, symbol) in TwinNames.Declarations(cell))
        {
            if (names.NewName(symbol) is { } renamed && Identifier(node) is { } identifier)
            {
                edits.Add((identifier.Span, renamed));
            }
        }

        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
        {
            ITypeSymbol? type = cell.Model.GetTypeInfo(last.Expression).Type;
            if (type is null || type.SpecialType == SpecialType.System_Void)
            {
                edits.Add((new TextSpan(last.Expression.Span.End, 0), ";"));
            }
            else
            {
                // The notebook displays a cell's trailing expression; the twin shows it on the console.
                edits.Add((new TextSpan(last.Expression.SpanStart, 0), "Twin.Show("));
                edits.Add((new TextSpan(last.Expression.Span.End, 0), ");"));
                charts += IsChart(type) ? 1 : 0;
            }
        }

        // Comments above the cell's first using belong to the cell, not to the using hoisted to the file's top.
        string header = root.Usings.Count > 0 ? Trivia(root.Usings[0].GetLeadingTrivia()) : "";
        var usings = root.Usings.Select(u => text[u.SpanStart..u.FullSpan.End].TrimEnd()).ToList();

        var statements = new System.Text.StringBuilder();
        var types = new List<string>();
        foreach (MemberDeclarationSyntax member in root.Members)
        {
            string code = Apply(text, member.FullSpan, edits);
            if (header.Length > 0)
            {
                code = header + code.TrimStart('\n', '\r');
                header = "";
            }

            switch (member)
            {
                // A script parses a cell's variables and methods as fields and methods of its script class;
                // the same text is a local declaration or local function in a program's top-level code.
                case GlobalStatementSyntax or FieldDeclarationSyntax or MethodDeclarationSyntax:
                    statements.Append(code);
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    types.Add(Tidy(code));
                    break;
                default:
                    throw new TwinException($"cell {cell.Cell.Number} declares a {member.Kind()} at its top level, which a program's top-level code cannot hold; use a variable or a method");
            }
        }

        // Comments after the last statement are the end-of-file token's leading trivia.
        statements.Append(header).Append(Trivia(root.EndOfFileToken.LeadingTrivia));

        // Only replacements: a trailing check's Twin.Show( ... ); wrapping stays in the demonstrations.
        var renames = edits.Where(e => e.Span.Length > 0).ToList();
        var checks = root.Members.OfType<GlobalStatementSyntax>()
            .Select(g => g.Statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } ? call : null)
            .Where(call => call is not null && IsCheck(cell, call) && !NeedsEarlierCells(cell, call))
            .Select(call => Apply(text, call!.Span, renames) + ";")
            .ToList();

        return new CellParts(usings, Tidy(statements.ToString()), types, charts, checks);
    }

    private static int RewriteCall(ScriptCell cell, InvocationExpressionSyntax call, IMethodSymbol method, List<(TextSpan, string)> edits)
    {
        if (method.ContainingType?.ToDisplayString() == ExercisesClass && method.Name is "Check" or "Hint")
        {
            if (method.Name == "Hint" && call.ArgumentList.Arguments.Count != 1)
            {
                return 0;   // Exercises.Hint(id, level) prints that level, the same in a twin: keep it.
            }

            // Only the receiver changes (Exercises.Check<T> → Twin.Check<T>): explicit type arguments stay.
            edits.Add(call.Expression is MemberAccessExpressionSyntax access
                ? (access.Expression.Span, "Twin")
                : (call.Expression.Span, "Twin." + call.Expression));
            return 0;
        }

        if (method.Name == "display" && method.ContainingType is { IsScriptClass: true } && method.ContainingAssembly.Name == "twin-globals")
        {
            if (call.ArgumentList.Arguments.Count != 1)
            {
                throw new TwinException($"cell {cell.Cell.Number} calls display(...) with MIME types; a twin can only show a value: display(value).");
            }

            edits.Add((call.Expression.Span, "Twin.Show"));
            return IsChart(cell.Model.GetTypeInfo(call.ArgumentList.Arguments[0].Expression).Type) ? 1 : 0;
        }

        return 0;
    }

    private static bool IsCheck(ScriptCell cell, InvocationExpressionSyntax? call) =>
        call is not null && Bound(cell, call.Expression) is IMethodSymbol { Name: "Check" } method
        && method.ContainingType.ToDisplayString() == ExercisesClass;

    // A check that touches an earlier cell's variables or methods cannot run before the demonstrations.
    private static bool NeedsEarlierCells(ScriptCell cell, SyntaxNode statement) =>
        statement.DescendantNodes().OfType<SimpleNameSyntax>()
            .Any(n => Bound(cell, n) is { } s && TwinNames.IsScriptMember(s) && s is not INamedTypeSymbol);

    private static ISymbol? Bound(ScriptCell cell, SyntaxNode node)
    {
        SymbolInfo info = cell.Model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
    }

    private static bool IsChart(ITypeSymbol? type) =>
        type is not null && type.ToDisplayString() == ChartClass;

    private static SyntaxToken? Identifier(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax v => v.Identifier,
        SingleVariableDesignationSyntax d => d.Identifier,
        LocalFunctionStatementSyntax f => f.Identifier,
        MethodDeclarationSyntax m => m.Identifier,
        ForEachStatementSyntax f => f.Identifier,
        CatchDeclarationSyntax c => c.Identifier,
        FromClauseSyntax f => f.Identifier,
        LetClauseSyntax l => l.Identifier,
        JoinClauseSyntax j => j.Identifier,
        JoinIntoClauseSyntax j => j.Identifier,
        QueryContinuationSyntax q => q.Identifier,
        BaseTypeDeclarationSyntax t => t.Identifier,
        DelegateDeclarationSyntax d => d.Identifier,
        _ => null,
    };

    // The text of `span` with the edits that fall inside it; insertions come before a replacement at the same place.
    private static string Apply(string text, TextSpan span, List<(TextSpan Span, string Text)> edits)
    {
        var inside = edits
            .Where(e => e.Span.Start >= span.Start && e.Span.End <= span.End && (e.Span.Length > 0 || e.Span.Start < span.End || span.End == text.Length))
            .OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length)
            .ToList();
        var result = new System.Text.StringBuilder();
        int at = span.Start;
        foreach (var (editSpan, replacement) in inside)
        {
            if (editSpan.Start < at)
            {
                continue;   // the same identifier reached twice (as a name and as a declaration)
            }

            result.Append(text, at, editSpan.Start - at).Append(replacement);
            at = editSpan.End;
        }

        return result.Append(text, at, span.End - at).ToString();
    }

    // Comments and directives kept from trivia; whitespace alone is dropped.
    private static string Trivia(SyntaxTriviaList trivia)
    {
        string text = trivia.ToFullString();
        return text.Trim().Length == 0 ? "" : text.TrimStart('\n', '\r');
    }

    // No blank lines at the start, exactly one newline at the end (or nothing at all).
    private static string Tidy(string code)
    {
        string[] lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0)
        {
            first++;
        }

        string body = string.Join('\n', lines[first..]).TrimEnd();
        return body.Length == 0 ? "" : body + "\n";
    }
}
