using System.Reflection;

namespace Orleans.Runtime;

/// <summary>
/// A reference to a grain: the object <see cref="IGrainFactory.GetGrain{T}(string)"/> returns. It implements the
/// grain interface through <see cref="DispatchProxy"/>; each interface call becomes a message to the grain's
/// activation. References are cheap, immutable and compare equal when they name the same grain.
/// </summary>
public class GrainReference : DispatchProxy, IAddressable
{
    internal SiloRuntime Runtime { get; private set; } = null!;

    internal GrainClassInfo ClassInfo { get; private set; } = null!;

    internal GrainInterfaceInfo InterfaceInfo { get; private set; } = null!;

    public GrainId GrainId { get; private set; }

    internal static T Create<T>(SiloRuntime runtime, GrainId grainId, GrainClassInfo classInfo, GrainInterfaceInfo interfaceInfo)
    {
        var proxy = (GrainReference)(object)DispatchProxy.Create(typeof(T), typeof(GrainReference));
        proxy.Runtime = runtime;
        proxy.GrainId = grainId;
        proxy.ClassInfo = classInfo;
        proxy.InterfaceInfo = interfaceInfo;
        return (T)(object)proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        InterfaceInfo.GetMethod(targetMethod!).Call(this, args ?? []);

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference({GrainId})";
}
