using System.Reflection;
using Orleans.Runtime;

namespace Orleans;

internal sealed class IncomingGrainCallContext(ActivationData activation, MethodSpec spec, object?[] args, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int _next;

    public object? Grain => activation.GrainInstance;

    public GrainId TargetId => activation.GrainId;

    public GrainId? SourceId => null;

    public MethodInfo InterfaceMethod => spec.InterfaceMethod;

    public IReadOnlyList<object?> Arguments => args;

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_next < filters.Length)
        {
            await filters[_next++].Invoke(this);
            return;
        }

        var task = spec.InvokeOnGrain(activation.GrainInstance!, args);
        await task;
        Result = spec.GetBoxedResult(task);
    }
}
