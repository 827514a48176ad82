using System.Reflection;
using System.Runtime.CompilerServices;

namespace Workbook.Coroutines;

/// <summary>
/// What the compiler generated for an iterator or async method: C# rewrites such a method into a
/// hidden state-machine type whose fields hold the state number, the current item or awaiter, and
/// every local that must survive a <c>yield return</c> or <c>await</c>. Found through the
/// <see cref="StateMachineAttribute"/> the compiler puts on the method.
/// </summary>
/// <param name="Method">The method, e.g. "Countdown(Int32)".</param>
/// <param name="Kind">"iterator", "async method" or "async iterator".</param>
/// <param name="GeneratedType">The name of the generated type, e.g. "&lt;Countdown&gt;d__3".</param>
/// <param name="IsValueType">True for a struct (async methods in Release builds), false for a class.</param>
/// <param name="Interfaces">The interfaces the generated type implements.</param>
/// <param name="Fields">Its fields as "name: type".</param>
/// <param name="Methods">Its methods (MoveNext and the interface members).</param>
public sealed record StateMachineInfo(
    string Method,
    string Kind,
    string GeneratedType,
    bool IsValueType,
    IReadOnlyList<string> Interfaces,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Methods)
{
    /// <summary>Inspects the method behind a delegate, e.g. <c>StateMachineInfo.Of(Countdown)</c>.</summary>
    /// <param name="method">A delegate to an iterator or async method.</param>
    /// <returns>The description of its state machine.</returns>
    /// <exception cref="ArgumentException">The method is neither an iterator nor async.</exception>
    public static StateMachineInfo Of(Delegate method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Of(method.Method);
    }

    /// <summary>Inspects a method; see <see cref="Of(Delegate)"/>.</summary>
    /// <param name="method">An iterator or async method.</param>
    /// <returns>The description of its state machine.</returns>
    /// <exception cref="ArgumentException">The method is neither an iterator nor async.</exception>
    public static StateMachineInfo Of(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        StateMachineAttribute attribute = method.GetCustomAttribute<StateMachineAttribute>()
            ?? throw new ArgumentException(
                $"{method.Name} has no compiler-generated state machine: it contains no yield return and is not async.", nameof(method));
        string kind = attribute switch
        {
            AsyncIteratorStateMachineAttribute => "async iterator",
            AsyncStateMachineAttribute => "async method",
            IteratorStateMachineAttribute => "iterator",
            _ => attribute.GetType().Name,
        };
        Type machine = attribute.StateMachineType;
        const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        string parameters = string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)));
        return new StateMachineInfo(
            $"{method.Name}({parameters})",
            kind,
            machine.Name,
            machine.IsValueType,
            machine.GetInterfaces().Select(TypeName).Order(StringComparer.Ordinal).ToArray(),
            machine.GetFields(Members).Select(f => $"{f.Name}: {TypeName(f.FieldType)}").ToArray(),
            machine.GetMethods(Members).Select(m => ShortMember(m.Name)).Distinct().ToArray());
    }

    /// <summary>A multi-line description: kind, generated type, interfaces, fields and methods.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Method} is an {Kind}; the compiler turned it into the {(IsValueType ? "struct" : "class")} {GeneratedType}\n"
        + $"  implements: {string.Join(", ", Interfaces)}\n"
        + $"  methods:    {string.Join(", ", Methods)}\n"
        + "  fields:\n"
        + string.Join("\n", Fields.Select(f => "    " + f));

    /// <summary>C#-like type names: IEnumerator&lt;Int32&gt; rather than IEnumerator`1.</summary>
    private static string TypeName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }

    /// <summary>Explicit interface members ("System.Collections.IEnumerator.get_Current") by their member name ("get_Current").</summary>
    private static string ShortMember(string name) => name[(name.LastIndexOf('.') + 1)..];
}
