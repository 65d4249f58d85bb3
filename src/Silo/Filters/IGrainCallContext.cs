using System.Reflection;
using Orleans.Runtime;

namespace Orleans;

/// <summary>A grain call as a call filter sees it. <see cref="Invoke"/> runs the next filter, or finally the call itself.</summary>
public interface IGrainCallContext
{
    /// <summary>The grain object (incoming filters) or null (outgoing filters).</summary>
    object? Grain { get; }

    GrainId TargetId { get; }

    /// <summary>The calling grain, or null when the call came from outside the grains.</summary>
    GrainId? SourceId { get; }

    MethodInfo InterfaceMethod { get; }

    string InterfaceName => InterfaceMethod.DeclaringType!.Name;

    string MethodName => InterfaceMethod.Name;

    IReadOnlyList<object?> Arguments { get; }

    /// <summary>The call's result once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    object? Result { get; set; }

    Task Invoke();
}
