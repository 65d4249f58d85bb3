using System.Collections.Concurrent;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>
/// Test hooks in the grain call path, installed as call filters in every silo of <see cref="GrainCluster"/>: hold a
/// call at its grain's door until the test lets it through, or learn that a grain has sent a call. They let a test
/// build an exact interleaving (a grain busy in one call while another arrives) instead of hoping for one. Gates are
/// keyed by grain id, and tests use fresh keys, so classes running in parallel never meet each other's gates.
/// </summary>
public static class CallGates
{
    private static readonly ConcurrentDictionary<CallGate, byte> Gates = new();

    /// <summary>Holds the next call of <paramref name="method"/> that reaches <paramref name="grain"/>, before the grain runs it.</summary>
    public static CallGate HoldIncoming(IAddressable grain, string method) => Add(new CallGate(grain.GetGrainId(), method, holds: true));

    /// <summary>Reports the next call of <paramref name="method"/> that <paramref name="grain"/> sends to another grain.</summary>
    public static CallGate WatchOutgoing(IAddressable grain, string method) => Add(new CallGate(grain.GetGrainId(), method, holds: false));

    internal static CallGate? Take(GrainId grain, string method, bool holds)
    {
        foreach (var gate in Gates.Keys)
        {
            if (gate.Grain == grain && gate.Method == method && gate.Holds == holds && Gates.TryRemove(gate, out _)) return gate;
        }

        return null;
    }

    private static CallGate Add(CallGate gate)
    {
        Gates[gate] = 0;
        return gate;
    }
}

public sealed class CallGate(GrainId grain, string method, bool holds)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal GrainId Grain { get; } = grain;

    internal string Method { get; } = method;

    internal bool Holds { get; } = holds;

    /// <summary>Completes when the call reached the gate (held, or sent).</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal Task PassAsync()
    {
        _reached.TrySetResult();
        return Holds ? _released.Task : Task.CompletedTask;
    }
}

internal sealed class IncomingCallGateFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (CallGates.Take(context.TargetId, context.MethodName, holds: true) is { } gate) await gate.PassAsync();
        await context.Invoke();
    }
}

internal sealed class OutgoingCallGateFilter : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceId is { } source && CallGates.Take(source, context.MethodName, holds: false) is { } gate) await gate.PassAsync();
        await context.Invoke();
    }
}
