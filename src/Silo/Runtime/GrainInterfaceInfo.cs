using System.Collections.Concurrent;
using System.Reflection;

namespace Orleans.Runtime;

/// <summary>The method specs of one grain interface, including the methods of the interfaces it extends.</summary>
internal sealed class GrainInterfaceInfo
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceInfo> Cache = new();
    private readonly Dictionary<MethodInfo, MethodSpec> _methods;

    private GrainInterfaceInfo(Type interfaceType)
    {
        InterfaceType = interfaceType;
        _methods = new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .Where(i => i != typeof(IAddressable) && i != typeof(IGrain) && !i.Name.StartsWith("IGrainWith", StringComparison.Ordinal))
            .SelectMany(i => i.GetMethods())
            .ToDictionary(m => m, MethodSpec.Create);
    }

    public Type InterfaceType { get; }

    public static GrainInterfaceInfo For(Type interfaceType) => Cache.GetOrAdd(interfaceType, static t => new GrainInterfaceInfo(t));

    public MethodSpec GetMethod(MethodInfo method) =>
        _methods.TryGetValue(method, out var spec)
            ? spec
            : throw new MissingMethodException($"{method.Name} is not a method of grain interface {InterfaceType.Name}.");

    public MethodSpec<T> GetMethod<T>(string name) =>
        (MethodSpec<T>)_methods.Values.Single(m => m.Name == name);
}
