using System.Collections.Concurrent;
using System.Reflection;

namespace Orleans.Runtime;

/// <summary>
/// Finds grain classes by scanning assemblies: every non-abstract class deriving from <see cref="Grain"/>.
/// Maps grain interfaces to their implementation and type names to classes; refuses ambiguity with a clear message.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly object _lock = new();
    private readonly HashSet<Assembly> _scanned = [];
    private readonly Dictionary<string, GrainClassInfo> _byTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<GrainClassInfo>> _byInterface = [];
    private readonly ConcurrentDictionary<Type, (GrainClassInfo, GrainInterfaceInfo)> _resolved = new();

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies) Scan(assembly);
    }

    public IReadOnlyCollection<GrainClassInfo> Classes { get { lock (_lock) return _byTypeName.Values.ToArray(); } }

    public (GrainClassInfo Class, GrainInterfaceInfo Interface) Resolve(Type interfaceType) =>
        _resolved.GetOrAdd(interfaceType, t => (FindImplementation(t), GrainInterfaceInfo.For(t)));

    public GrainClassInfo GetByTypeName(string typeName)
    {
        lock (_lock)
        {
            return _byTypeName.TryGetValue(typeName, out var info)
                ? info
                : throw new ArgumentException($"No grain class has the type name '{typeName}'.", nameof(typeName));
        }
    }

    public IEnumerable<GrainClassInfo> ImplicitSubscribers(string streamNamespace) =>
        Classes.Where(c => c.ImplicitStreamNamespaces.Contains(streamNamespace, StringComparer.Ordinal));

    private GrainClassInfo FindImplementation(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !typeof(IGrain).IsAssignableFrom(interfaceType))
            throw new ArgumentException($"{interfaceType.Name} is not a grain interface.", nameof(interfaceType));
        Scan(interfaceType.Assembly);
        lock (_lock)
        {
            if (!_byInterface.TryGetValue(interfaceType, out var candidates))
            {
                foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) ScanLocked(assembly);
                _byInterface.TryGetValue(interfaceType, out candidates);
            }

            return candidates switch
            {
                null or [] => throw new ArgumentException($"No grain class implements {interfaceType.FullName}.", nameof(interfaceType)),
                [var only] => only,
                _ => throw new ArgumentException(
                    $"Several grain classes implement {interfaceType.FullName} ({string.Join(", ", candidates.Select(c => c.ClassType.Name))}); give each its own interface.",
                    nameof(interfaceType)),
            };
        }
    }

    private void Scan(Assembly assembly)
    {
        lock (_lock) ScanLocked(assembly);
    }

    private void ScanLocked(Assembly assembly)
    {
        if (assembly.IsDynamic || !_scanned.Add(assembly) || !ReferencesRuntime(assembly)) return;
        foreach (var type in LoadableTypes(assembly))
        {
            if (!type.IsClass || type.IsAbstract || type.IsGenericTypeDefinition || !typeof(Grain).IsAssignableFrom(type)) continue;
            var info = new GrainClassInfo(type);
            if (_byTypeName.TryGetValue(info.TypeName, out var clash) && clash.ClassType != type)
                throw new InvalidOperationException(
                    $"Grain classes {clash.ClassType.FullName} and {type.FullName} share the type name '{info.TypeName}'; pin one with [GrainType].");
            _byTypeName[info.TypeName] = info;
            foreach (var iface in type.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i)))
            {
                if (!_byInterface.TryGetValue(iface, out var list)) _byInterface[iface] = list = [];
                if (!list.Contains(info)) list.Add(info);
            }
        }
    }

    private static bool ReferencesRuntime(Assembly assembly)
    {
        var runtime = typeof(Grain).Assembly;
        return assembly == runtime || assembly.GetReferencedAssemblies().Any(a => a.Name == runtime.GetName().Name);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
