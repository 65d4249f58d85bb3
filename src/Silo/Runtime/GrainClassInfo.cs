using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Streams;

namespace Orleans.Runtime;

/// <summary>What the runtime knows about one grain class: its type name, concurrency attributes and how to construct it.</summary>
internal sealed class GrainClassInfo
{
    private readonly ConstructorInfo _constructor;
    private readonly Func<IServiceProvider, ActivationData, object?>[] _arguments;

    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        TypeName = classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultTypeName(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        MaxStatelessWorkers = classType.GetCustomAttribute<StatelessWorkerAttribute>()?.MaxLocalWorkers ?? 0;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.AgeLimit;
        ImplicitStreamNamespaces = classType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>().Select(a => a.Namespace).ToArray();
        IsCallFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
        _constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {classType.FullName} has no public constructor.");
        _arguments = _constructor.GetParameters().Select(ArgumentFor).ToArray();
    }

    public Type ClassType { get; }

    /// <summary>The grain type name in every grain id: [GrainType] if given, else the class name without "Grain", lower-case.</summary>
    public string TypeName { get; }

    public bool IsReentrant { get; }

    public bool IsStatelessWorker => MaxStatelessWorkers > 0;

    public int MaxStatelessWorkers { get; }

    public TimeSpan? CollectionAge { get; }

    public string[] ImplicitStreamNamespaces { get; }

    public bool IsCallFilter { get; }

    public object CreateInstance(IServiceProvider services, ActivationData activation)
    {
        var args = new object?[_arguments.Length];
        for (var i = 0; i < args.Length; i++) args[i] = _arguments[i](services, activation);
        var previous = ActivationData.Constructing;
        ActivationData.Constructing = activation;
        try
        {
            return _constructor.Invoke(args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            ActivationData.Constructing = previous;
        }
    }

    private static string DefaultTypeName(Type type)
    {
        var name = type.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5) name = name[..^5];
        return name.ToLowerInvariant();
    }

    private static Func<IServiceProvider, ActivationData, object?> ArgumentFor(ParameterInfo parameter)
    {
        var state = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (state is not null)
        {
            if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
                throw new InvalidOperationException($"[PersistentState] parameter '{parameter.Name}' must be of type IPersistentState<T>.");
            var stateType = parameter.ParameterType.GetGenericArguments()[0];
            var factory = typeof(ActivationData).GetMethod(nameof(ActivationData.CreatePersistentState))!.MakeGenericMethod(stateType);
            return (_, activation) => factory.Invoke(activation, [state.StateName, state.StorageName]);
        }

        var type = parameter.ParameterType;
        if (parameter.HasDefaultValue) return (services, _) => services.GetService(type) ?? parameter.DefaultValue;
        return (services, _) => services.GetRequiredService(type);
    }
}
