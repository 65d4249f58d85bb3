using System.Linq.Expressions;
using System.Reflection;
using Orleans.Concurrency;

namespace Orleans.Runtime;

/// <summary>
/// Everything the runtime needs about one grain interface method: a compiled invoker (no reflection per call),
/// its interleaving attributes, and how to turn the runtime's task back into the declared return type.
/// </summary>
internal abstract class MethodSpec
{
    private readonly Func<object, object?[], Task> _invoker;

    protected MethodSpec(MethodInfo method, Func<object, object?[], Task> invoker)
    {
        InterfaceMethod = method;
        Name = method.Name;
        IsAlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), inherit: true);
        _invoker = invoker;
    }

    public MethodInfo InterfaceMethod { get; }

    public string Name { get; }

    public bool IsAlwaysInterleave { get; }

    public bool IsReadOnly { get; }

    public Task InvokeOnGrain(object grain, object?[] args) => _invoker(grain, args);

    /// <summary>Called by a grain reference: sends the call and returns a value of the method's declared return type.</summary>
    public abstract object Call(GrainReference reference, object?[] args);

    /// <summary>The result of a completed, successful grain task, boxed (null for methods without a result).</summary>
    public abstract object? GetBoxedResult(Task completed);

    /// <summary>A faulted task of the same shape the grain method would have returned.</summary>
    public abstract Task FromException(Exception exception);

    public static MethodSpec Create(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
            throw new NotSupportedException($"Grain interface method {method.DeclaringType!.Name}.{method.Name} is generic; generic grain methods are not supported.");

        var returnType = method.ReturnType;
        var kind = ReturnKindOf(returnType)
            ?? throw new NotSupportedException(
                $"Grain interface method {method.DeclaringType!.Name}.{method.Name} returns {returnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
        var resultType = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT ? returnType.GetGenericArguments()[0] : typeof(object);
        var specType = typeof(MethodSpec<>).MakeGenericType(resultType);
        return (MethodSpec)Activator.CreateInstance(specType, method, kind, CompileInvoker(method, kind))!;
    }

    private static ReturnKind? ReturnKindOf(Type t)
    {
        if (t == typeof(Task)) return ReturnKind.Task;
        if (t == typeof(ValueTask)) return ReturnKind.ValueTask;
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        if (def == typeof(Task<>)) return ReturnKind.TaskOfT;
        if (def == typeof(ValueTask<>)) return ReturnKind.ValueTaskOfT;
        return null;
    }

    // (grain, args) => (Task)((IFoo)grain).Method((T0)args[0], ...)  with ValueTask results turned into tasks.
    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method, ReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        if (kind is ReturnKind.ValueTask or ReturnKind.ValueTaskOfT)
            call = Expression.Call(call, method.ReturnType.GetMethod(nameof(ValueTask.AsTask))!);
        var body = Expression.Convert(call, typeof(Task));
        return Expression.Lambda<Func<object, object?[], Task>>(body, grain, args).Compile();
    }
}

internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
