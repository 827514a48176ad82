using System.Collections;
using System.Linq.Expressions;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Workbook.Tests.Reliability;

/// <summary>
/// Harmless, non-null stand-ins for the parameters a sweep call does not test: small valid numbers,
/// strings that are paths inside a scratch folder (so a call that goes on despite a missing check
/// writes nowhere else), one-element collections, do-nothing delegates and interface proxies.
/// </summary>
internal static class Harmless
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Valid values for parameters whose placeholder would be rejected before the null is looked at.</summary>
    private static readonly Dictionary<string, object> Known = new(StringComparer.Ordinal)
    {
        ["Balancers.Create.name"] = "round-robin",
    };

    public static object? Value(ParameterInfo parameter, string scratch)
    {
        var type = parameter.ParameterType;
        if (Known.TryGetValue($"{parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}.{parameter.Name}", out var known)) return known;
        if (parameter.HasDefaultValue && parameter.DefaultValue is not null && parameter.DefaultValue is not DBNull) return parameter.DefaultValue;
        if (!type.IsValueType && Nullability.Create(parameter).WriteState == NullabilityState.Nullable) return null;
        return Of(type, scratch, depth: 0);
    }

    public static object Instance(Type type, string scratch)
    {
        if (type.GetConstructor(Type.EmptyTypes) is { } parameterless) return parameterless.Invoke(null);
        // An object whose constructor never ran: enough to reach an argument check at the top of a method.
        return RuntimeHelpers.GetUninitializedObject(type);
    }

    public static void Release(object? value)
    {
        try
        {
            switch (value)
            {
                case IAsyncDisposable async: async.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)); break;
                case IDisposable sync: sync.Dispose(); break;
            }
        }
        catch (Exception)
        {
            // A half-built placeholder may not dispose cleanly; nothing real was opened through it.
        }
    }

    private static object? Of(Type type, string scratch, int depth)
    {
        if (depth > 3) throw new InvalidOperationException($"no harmless {type.Name}: nested too deep");
        if (type == typeof(string)) return Path.Combine(scratch, "x");
        // 2 rather than 1: a few APIs need "at least two" (threads that race, backends to choose from).
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return Convert.ChangeType(2, type, System.Globalization.CultureInfo.InvariantCulture);
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        if (type == typeof(bool)) return false;
        if (type == typeof(TimeSpan)) return TimeSpan.FromMilliseconds(100);
        if (type == typeof(CancellationToken)) return CancellationToken.None;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Of(underlying, scratch, depth + 1);
        if (type.IsValueType) return Activator.CreateInstance(type);
        if (type == typeof(object)) return new object();
        if (type == typeof(Uri)) return new Uri("http://127.0.0.1:9/");
        if (type == typeof(IPAddress)) return IPAddress.Loopback;
        if (type == typeof(IPEndPoint)) return new IPEndPoint(IPAddress.Loopback, 9);
        if (type == typeof(TimeProvider)) return TimeProvider.System;
        if (type == typeof(Random)) return new Random(1);
        if (type == typeof(TextWriter)) return TextWriter.Null;
        if (type == typeof(Stream)) return new MemoryStream();
        if (type == typeof(Type)) return typeof(object);
        if (type == typeof(HttpClient)) return new HttpClient();
        if (type == typeof(HttpMessageHandler)) return new SocketsHttpHandler();
        if (type == typeof(HttpRequestMessage)) return new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/");
        if (type == typeof(Workbook.Balancing.Balancer)) return Workbook.Balancing.Balancers.Create("round-robin", Workbook.Balancing.Backend.Range(2));
        if (type == typeof(Workbook.Networking.DemoServerGroup)) return new Workbook.Networking.DemoServerGroup([]);
        if (type.IsArray) return OneOrNone(type.GetElementType()!, scratch, depth);
        if (typeof(Delegate).IsAssignableFrom(type)) return DoNothing(type);
        if (type.IsGenericType && type.IsInterface)
        {
            var definition = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            if (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
                || definition == typeof(IList<>) || definition == typeof(ICollection<>))
                return OneOrNone(args[0], scratch, depth);
            if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
                return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args));
            if (definition == typeof(IReadOnlySet<>) || definition == typeof(ISet<>))
                return Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(args));
            if (definition == typeof(IAsyncEnumerable<>))
                return typeof(Harmless).GetMethod(nameof(EmptyAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(args).Invoke(null, null);
        }
        if (type == typeof(IEnumerable)) return new object[] { new object() };
        if (type.IsInterface) return DispatchProxy.Create(type, typeof(DoNothingProxy));
        if (type.IsAbstract) throw new InvalidOperationException($"no harmless {type.Name}: abstract");
        if (type.GetConstructor(Type.EmptyTypes) is { } parameterless) return parameterless.Invoke(null);
        return RuntimeHelpers.GetUninitializedObject(type);
    }

    /// <summary>A one-element array, or an empty one when no harmless element can be made (an abstract element type).</summary>
    private static Array OneOrNone(Type element, string scratch, int depth)
    {
        object? value;
        try { value = Of(element, scratch, depth + 1); }
        catch (InvalidOperationException) { return Array.CreateInstance(element, 0); }
        var array = Array.CreateInstance(element, 1);
        array.SetValue(value, 0);
        return array;
    }

    private static async IAsyncEnumerable<T> EmptyAsync<T>()
    {
        await Task.CompletedTask;
        yield break;
    }

    private static Delegate DoNothing(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        Expression body = invoke.ReturnType == typeof(void) ? Expression.Empty() : Expression.Constant(DefaultResult(invoke.ReturnType), invoke.ReturnType);
        return Expression.Lambda(delegateType, body, parameters).Compile();
    }

    internal static object? DefaultResult(Type type)
    {
        if (type == typeof(void)) return null;
        if (type == typeof(Task)) return Task.CompletedTask;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var inner = type.GetGenericArguments()[0];
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(inner).Invoke(null, [inner.IsValueType ? Activator.CreateInstance(inner) : null]);
        }
        if (type == typeof(ValueTask)) return default(ValueTask);
        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}

/// <summary>An interface implementation whose every member does nothing and returns a default (a completed task for async members).</summary>
public class DoNothingProxy : DispatchProxy
{
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod is null ? null : Harmless.DefaultResult(targetMethod.ReturnType);
}
