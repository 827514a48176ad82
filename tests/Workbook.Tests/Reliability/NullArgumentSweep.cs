using System.Reflection;
using System.Runtime.CompilerServices;

namespace Workbook.Tests.Reliability;

/// <summary>
/// Finds every public constructor and method of the library that takes a reference-type parameter not
/// annotated as nullable, calls it with null for that parameter (and harmless values for the others),
/// and records what happened. The test built on it (<see cref="NullArgumentSweepTests"/>) demands an
/// <see cref="ArgumentNullException"/> naming the parameter, and lists every offender at once.
/// </summary>
internal static class NullArgumentSweep
{
    /// <summary>How long one call may take before it counts as "did not return" (a missing check that went on to wait).</summary>
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(5);

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>One parameter tried: where, and what the call did.</summary>
    public sealed record Probe(string Member, string Signature, string Parameter, string? Problem)
    {
        public override string ToString() => $"{Member}({Parameter}) [{Signature}]: {Problem ?? "ok"}";
    }

    /// <summary>A member left out of the sweep, with the reason.</summary>
    public sealed record Exclusion(string Member, string Reason);

    /// <summary>Members that by design accept null or cannot be called in isolation; each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExcludedByDesign = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Workbook.Exercises.Exercises.Check"] = "by design never throws into the notebook: a null id or factory is reported as a FAILED check line",
        ["Workbook.Exercises.Exercises.Hint"] = "by design never throws into the notebook: an unknown or null id prints the list of known exercises",
        ["Workbook.Exercises.ExerciseRunner.Check"] = "by design never throws into the notebook (see Exercises.Check)",
        ["Workbook.Exercises.ExerciseRunner.Hint"] = "by design never throws into the notebook (see Exercises.Hint)",
        ["Workbook.Simulation.VirtualClock.CreateTimer"] = "TimeProvider override that by design always throws NotSupportedException: the simulator's clock has no timers",
    };

    /// <summary>Every member probed and every member skipped, in a stable order.</summary>
    public static (IReadOnlyList<Probe> Probes, IReadOnlyList<Exclusion> Skipped) Run(Assembly library, string scratchFolder)
    {
        var probes = new List<Probe>();
        var skipped = new List<Exclusion>();
        var results = ReturnedTypes(library);
        foreach (var type in library.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (SkipType(type) is { } typeReason)
            {
                skipped.Add(new Exclusion(Name(type), typeReason));
                continue;
            }

            var members = new List<MethodBase>();
            if (!type.IsAbstract) members.AddRange(type.GetConstructors());
            members.AddRange(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly));
            foreach (var member in members)
            {
                var name = Name(member);
                var candidates = member.GetParameters().Where(p => !p.ParameterType.IsValueType && !p.ParameterType.IsByRef && !p.ParameterType.IsPointer).ToList();
                if (candidates.Count == 0) continue;
                if (SkipMember(type, member, results) is { } reason)
                {
                        skipped.Add(new Exclusion($"{name}({Signature(member)})", reason));
                    continue;
                }
                var callable = Close(member);
                if (callable is null)
                {
                    skipped.Add(new Exclusion(name, "generic method whose constraints object cannot satisfy"));
                    continue;
                }
                foreach (var parameter in callable.GetParameters().Where(p => !p.ParameterType.IsValueType))
                {
                    if (Nullability.Create(parameter).WriteState != NullabilityState.NotNull) continue;
                    probes.Add(new Probe(name, Signature(callable), parameter.Name!, Call(type, callable, parameter, scratchFolder)));
                }
            }
        }
        return (probes, skipped);
    }

    private static string? SkipType(Type type)
    {
        if (type.IsInterface) return "interface: no implementation to call";
        if (type.IsEnum) return "enum";
        if (typeof(Delegate).IsAssignableFrom(type)) return "delegate type";
        if (typeof(Attribute).IsAssignableFrom(type)) return "attribute";
        if (typeof(Exception).IsAssignableFrom(type)) return "exception type: .NET convention lets message and inner exception be null";
        if (type.ContainsGenericParameters) return "open generic type";
        return null;
    }

    private static string? SkipMember(Type type, MethodBase member, IReadOnlySet<Type> results)
    {
        if (member is ConstructorInfo && IsPrimaryConstructor(type, member) && results.Contains(type))
            return "primary constructor of a result record (the library returns it): its values come from the library, whose nullable annotations the compiler checks";
        if (ExcludedByDesign.TryGetValue($"{type.FullName}.{member.Name}", out var reason)) return reason;
        if (member.IsSpecialName && member is MethodInfo) return "property, event or operator accessor";
        if (member.IsAbstract) return "abstract member: no body to call";
        if (member.GetCustomAttribute<CompilerGeneratedAttribute>() is not null) return "compiler-generated record member";
        if (member.Name is "Equals" or "Deconstruct" or "PrintMembers" or "<Clone>$") return "record/object equality member";
        if (member.GetParameters().Any(p => p.ParameterType.IsByRef || p.ParameterType.IsPointer || p.ParameterType.IsByRefLike))
            return "by-ref, pointer or span parameter: cannot be passed through reflection";
        if (member is ConstructorInfo && IsRecordCopyConstructor(type, member)) return "record copy constructor (used by 'with')";
        return null;
    }

    private static bool IsRecordCopyConstructor(Type type, MethodBase ctor) =>
        ctor.GetParameters() is [var only] && only.ParameterType == type;

    /// <summary>A positional record's constructor: its parameters are exactly those of the generated Deconstruct.</summary>
    private static bool IsPrimaryConstructor(Type type, MethodBase ctor) =>
        type.GetMethod("<Clone>$") is not null
        && type.GetMethod("Deconstruct") is { } deconstruct
        && deconstruct.GetParameters().Select(p => p.Name).SequenceEqual(ctor.GetParameters().Select(p => p.Name));

    /// <summary>Every library type that some public method or property returns (directly, in a task, an array or as a type argument), its own static factories included.</summary>
    private static HashSet<Type> ReturnedTypes(Assembly library)
    {
        var found = new HashSet<Type>();
        void Add(Type t, Type owner)
        {
            if (t.IsArray) { Add(t.GetElementType()!, owner); return; }
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) Add(a, owner);
            if (t.Assembly == library) found.Add(t);
        }
        const BindingFlags all = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in library.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(all)) Add(method.ReturnType, type);
        }
        return found;
    }

    private static MethodBase? Close(MethodBase member)
    {
        if (member is not MethodInfo { IsGenericMethodDefinition: true } generic) return member;
        try
        {
            var args = generic.GetGenericArguments().Select(a =>
                (a.GenericParameterAttributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0 ? typeof(int) : typeof(object)).ToArray();
            return generic.MakeGenericMethod(args);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Calls <paramref name="member"/> with null for <paramref name="target"/>; returns null when it threw the right exception.</summary>
    private static string? Call(Type type, MethodBase member, ParameterInfo target, string scratch)
    {
        object?[] args;
        object? instance = null;
        try
        {
            args = member.GetParameters().Select(p => p.Position == target.Position ? null : Harmless.Value(p, scratch)).ToArray();
            if (!member.IsStatic && member is MethodInfo)
                instance = Harmless.Instance(type, scratch);
        }
        catch (Exception e)
        {
            return $"could not build the other arguments ({e.GetType().Name}: {e.Message})";
        }

        Exception? thrown;
        object? result = null;
        var call = Task.Run(async () =>
        {
            try
            {
                result = member is ConstructorInfo ctor ? ctor.Invoke(args) : member.Invoke(instance, args);
                switch (result)
                {
                    case Task task: await task.WaitAsync(CallLimit); break;
                    case ValueTask valueTask: await valueTask.AsTask().WaitAsync(CallLimit); break;
                    case var other when other?.GetType() is { IsGenericType: true } g && g.GetGenericTypeDefinition() == typeof(ValueTask<>):
                        await ((Task)g.GetMethod("AsTask")!.Invoke(other, null)!).WaitAsync(CallLimit);
                        break;
                }
                return (Exception?)null;
            }
            catch (TargetInvocationException e) { return e.InnerException; }
            catch (Exception e) { return e; }
        });
        if (!call.Wait(CallLimit + CallLimit))
            return $"did not return within {(CallLimit + CallLimit).TotalSeconds:0} s";
        thrown = call.Result;
        Harmless.Release(result);
        Harmless.Release(instance);

        return thrown switch
        {
            ArgumentNullException ane when ane.ParamName == target.Name => null,
            ArgumentNullException ane => $"ArgumentNullException names '{ane.ParamName}' instead",
            // Another (placeholder) argument was rejected first: the null was never looked at, so say so rather than guess.
            ArgumentException ae when ae.ParamName is { } other && other != target.Name && member.GetParameters().Any(p => p.Name == other)
                => $"inconclusive: the placeholder for '{other}' was rejected first ({FirstLine(ae.Message)})",
            TimeoutException => "its task did not finish: no argument check before it started waiting",
            null => "accepted null (no exception)",
            _ => $"{thrown.GetType().Name} instead of ArgumentNullException ({FirstLine(thrown.Message)})",
        };
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 100 ? line[..100] + "…" : line;
    }

    private static string Name(Type type) => type.FullName!.Replace("Workbook.", "", StringComparison.Ordinal);

    private static string Name(MethodBase member) => $"{Name(member.DeclaringType!)}.{(member is ConstructorInfo ? "ctor" : member.Name)}";

    private static string Signature(MethodBase member) => string.Join(", ", member.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));
}
