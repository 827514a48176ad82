using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Workbook.Runner.Twins;

/// <summary>
/// Decides which names change when a notebook's cells become one C# program. A notebook may declare a
/// variable, method or type again in a later cell (each cell is its own script submission, and the new
/// one shadows the old); a program's top-level code is one scope, so the later declaration and every use
/// of it get a fresh name (<c>costs</c> → <c>costs2</c>). Likewise a variable declared inside a block (a
/// <c>foreach</c> variable, say) may not share its name with a top-level variable of the program, even one
/// declared in a later cell; such a block variable is renamed within its cell.
/// </summary>
/// <remarks>Built once per notebook from its analysed cells; immutable afterwards.</remarks>
internal sealed class TwinNames
{
    private readonly Dictionary<string, string> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<ISymbol, string> _locals = new(SymbolEqualityComparer.Default);
    private readonly List<string> _changes = [];

    private TwinNames()
    {
    }

    /// <summary>What was renamed, for the twin's header: <c>cell 57: costs → costs2</c>.</summary>
    public IReadOnlyList<string> Changes => _changes;

    /// <summary>Plans the renames for the analysed cells of one notebook.</summary>
    /// <param name="cells">The cells in order.</param>
    /// <returns>The plan.</returns>
    public static TwinNames Plan(IReadOnlyList<ScriptCell> cells)
    {
        var names = new TwinNames();
        var used = new HashSet<string>(cells.SelectMany(c => c.Tree.GetRoot().DescendantTokens())
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), StringComparer.Ordinal);

        // Top-level variables and methods share one scope in a program; `args` is already taken there.
        var topLevel = new HashSet<string>(StringComparer.Ordinal) { "args" };
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (ScriptCell cell in cells)
        {
            foreach (var (_, symbol) in Declarations(cell).Where(d => IsScriptMember(d.Symbol)))
            {
                HashSet<string> scope = symbol is INamedTypeSymbol ? types : topLevel;
                string name = symbol.Name;
                if (!scope.Add(name))
                {
                    name = Fresh(symbol.Name, used);
                    scope.Add(name);
                    names._members[Key(symbol)] = name;
                    names._changes.Add($"cell {cell.Cell.Number}: {symbol.Name} → {name} (declared again)");
                }
            }
        }

        foreach (ScriptCell cell in cells)
        {
            foreach (var (node, symbol) in Declarations(cell))
            {
                bool conflicts = symbol is IRangeVariableSymbol or ILocalSymbol && !InsideFunction(node);
                if (conflicts && topLevel.Contains(symbol.Name) && !names._locals.ContainsKey(symbol))
                {
                    string name = Fresh(symbol.Name, used);
                    names._locals[symbol] = name;
                    names._changes.Add($"cell {cell.Cell.Number}: {symbol.Name} → {name} (a top-level variable has its name)");
                }
            }
        }

        return names;
    }

    /// <summary>The twin's name for <paramref name="symbol"/>, or null when it keeps its own.</summary>
    /// <param name="symbol">A symbol a cell declares or refers to.</param>
    /// <returns>The new name, or null.</returns>
    public string? NewName(ISymbol symbol)
    {
        ISymbol original = symbol.OriginalDefinition;
        if (IsScriptMember(original))
        {
            return _members.GetValueOrDefault(Key(original));
        }

        return _locals.GetValueOrDefault(original);
    }

    /// <summary>Every declaration in a cell with the symbol it declares, in source order.</summary>
    public static IEnumerable<(SyntaxNode Node, ISymbol Symbol)> Declarations(ScriptCell cell)
    {
        foreach (SyntaxNode node in cell.Tree.GetRoot().DescendantNodes())
        {
            bool declares = node is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax
                or ForEachStatementSyntax or CatchDeclarationSyntax or QueryClauseSyntax or QueryContinuationSyntax
                or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax;
            if (declares && cell.Model.GetDeclaredSymbol(node) is { } symbol && symbol.Kind != SymbolKind.Parameter)
            {
                yield return (node, symbol);
            }
        }
    }

    /// <summary>True for the fields, methods and types the kernel puts on a cell's script class.</summary>
    public static bool IsScriptMember(ISymbol symbol) =>
        symbol.ContainingType is { IsScriptClass: true } && symbol is IFieldSymbol or IMethodSymbol or INamedTypeSymbol;

    // Script classes of different cells live in different submissions (assemblies), so the key names both.
    private static string Key(ISymbol symbol) => $"{symbol.ContainingAssembly.Name}/{symbol.Kind}/{symbol.Name}";

    // Inside a lambda or local function a local may shadow an outer one (C# 8 and later), and a type's
    // members never see top-level variables; elsewhere a block's local may not reuse a top-level name.
    private static bool InsideFunction(SyntaxNode node) =>
        node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax or BaseTypeDeclarationSyntax);

    private static string Fresh(string name, HashSet<string> used)
    {
        for (int n = 2; ; n++)
        {
            string candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
