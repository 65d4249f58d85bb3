using System.Reflection;
using Orleans.Runtime;

namespace Orleans;

internal sealed class OutgoingGrainCallContext<T>(SiloRuntime runtime, GrainReference target, MethodSpec<T> spec, object?[] args, long chainId, IOutgoingGrainCallFilter[] filters)
    : IOutgoingGrainCallContext
{
    private int _next;

    public object? Grain => null;

    public GrainId TargetId => target.GrainId;

    public GrainId? SourceId { get; } = CallContext.Current?.Activation.GrainId;

    public MethodInfo InterfaceMethod => spec.InterfaceMethod;

    public IReadOnlyList<object?> Arguments => args;

    public object? Result { get; set; }

    public static Task Run(SiloRuntime runtime, GrainReference target, MethodSpec<T> spec, object?[] args, long chainId, IOutgoingGrainCallFilter[] filters) =>
        new OutgoingGrainCallContext<T>(runtime, target, spec, args, chainId, filters).RunAsync();

    public async Task Invoke()
    {
        if (_next < filters.Length)
        {
            await filters[_next++].Invoke(this);
            return;
        }

        var task = runtime.Send(target, spec, args, chainId);
        await task;
        Result = spec.GetBoxedResult(task);
    }

    private async Task<T> RunAsync()
    {
        await Invoke();
        return Result is T result ? result : default!;
    }
}
