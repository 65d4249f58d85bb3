using System.Reflection;

namespace Orleans.Runtime;

/// <summary>A method spec typed by its result (object for methods that return no value).</summary>
internal sealed class MethodSpec<T>(MethodInfo method, ReturnKind kind, Func<object, object?[], Task> invoker)
    : MethodSpec(method, invoker)
{
    private bool HasResult => kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;

    public override object Call(GrainReference reference, object?[] args)
    {
        var task = reference.Runtime.InvokeMethod(reference, this, args);
        return kind switch
        {
            ReturnKind.Task => task,
            ReturnKind.TaskOfT => (Task<T>)task,
            ReturnKind.ValueTask => new ValueTask(task),
            _ => new ValueTask<T>((Task<T>)task),
        };
    }

    /// <summary>The result of a completed, successful grain task.</summary>
    public T GetResult(Task completed) => HasResult ? ((Task<T>)completed).Result : default!;

    public override object? GetBoxedResult(Task completed) => HasResult ? GetResult(completed) : null;

    public override Task FromException(Exception exception) =>
        HasResult ? Task.FromException<T>(exception) : Task.FromException(exception);
}
