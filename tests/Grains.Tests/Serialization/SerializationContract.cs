using System.Reflection;
using System.Reflection.Emit;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPortal.Grains.Tests.Serialization;

/// <summary>
/// Finds, by reflection, every type of ours that Orleans serializes: what grain methods take and return, what grains
/// keep in persistent state, what travels on streams (found in the IL of every <c>GetStream&lt;T&gt;</c> call of the
/// grains, which publish every stream the web app subscribes to), the exceptions grains throw, and everything those
/// types contain.
/// </summary>
internal static class SerializationContract
{
    public static readonly Assembly Grains = typeof(TenantKeys).Assembly;

    public static IReadOnlyList<Type> GrainInterfaces { get; } =
        [.. Grains.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t)).OrderBy(t => t.FullName)];

    public static IReadOnlyList<Type> StateTypes { get; } =
        [.. Grains.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t))
            .SelectMany(t => t.GetConstructors())
            .SelectMany(c => c.GetParameters())
            .Where(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null)
            .Select(p => p.ParameterType.GetGenericArguments()[0])
            .Distinct()
            .OrderBy(t => t.FullName)];

    public static IReadOnlyList<Type> StreamEventTypes { get; } =
        [.. StreamTypesCalledIn(Grains).Distinct().OrderBy(t => t.FullName)];

    public static IReadOnlyList<Type> Exceptions { get; } =
        [.. Grains.GetTypes().Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName)];

    /// <summary>Every type of ours reachable from the roots: the ones that need generated serializers.</summary>
    public static IReadOnlyList<Type> Reachable()
    {
        var roots = GrainInterfaces.SelectMany(MethodTypes).Concat(StateTypes).Concat(StreamEventTypes).Concat(Exceptions);
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            foreach (var inner in Unwrap(type))
            {
                if (!IsOurs(inner) || !seen.Add(inner)) continue;
                if (inner.IsAbstract && !inner.IsInterface)
                    foreach (var derived in Grains.GetTypes().Where(d => d.IsSubclassOf(inner))) pending.Push(derived);
                if (inner.IsEnum || typeof(Exception).IsAssignableFrom(inner)) continue;
                foreach (var property in inner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                    pending.Push(property.PropertyType);
            }
        }

        return [.. seen.OrderBy(t => t.FullName)];
    }

    public static bool IsOurs(Type type) => type.Namespace?.StartsWith("OrleansPortal", StringComparison.Ordinal) == true;

    private static IEnumerable<Type> MethodTypes(Type grainInterface) =>
        grainInterface.GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType));

    /// <summary>The type itself, or what a task, nullable, array or collection holds.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.IsArray) return Unwrap(type.GetElementType()!);
        if (type.IsGenericType) return type.GetGenericArguments().SelectMany(Unwrap).Append(type.GetGenericTypeDefinition());
        return [type];
    }

    /// <summary>The T of every <c>IStreamProvider.GetStream&lt;T&gt;(...)</c> call in the assembly's method bodies.</summary>
    private static IEnumerable<Type> StreamTypesCalledIn(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null) continue;
                foreach (var token in CallTokens(il))
                {
                    MethodBase? called;
                    try
                    {
                        called = method.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
                    }
                    catch (ArgumentException)
                    {
                        continue; // a token of a generic context this scan does not reconstruct
                    }

                    if (called is MethodInfo { Name: "GetStream", IsGenericMethod: true } getStream
                        && getStream.DeclaringType is { } declaring
                        && (declaring == typeof(IStreamProvider) || typeof(IStreamProvider).IsAssignableFrom(declaring) || declaring.Namespace == "Orleans"))
                    {
                        var argument = getStream.GetGenericArguments()[0];
                        if (!argument.IsGenericParameter) yield return argument;
                    }
                }
            }
        }
    }

    /// <summary>Tokens of call and callvirt instructions. A 0x28/0x6F byte inside another operand can give a wrong token; resolving it then fails or names an unrelated method, which the caller filters out.</summary>
    private static IEnumerable<int> CallTokens(byte[] il)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != OpCodes.Call.Value && il[i] != OpCodes.Callvirt.Value) continue;
            var token = BitConverter.ToInt32(il, i + 1);
            if ((token & 0xFF000000) is 0x0A000000 or 0x06000000 or 0x2B000000) yield return token;
        }
    }
}
