using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>
/// Storage that fails on demand: writes and clears of the grains a test names throw, as a database that is down
/// would; reads and every other grain are untouched. Wraps whatever grain storage the silo registered under a name.
/// </summary>
public static class StorageFaults
{
    private static readonly ConcurrentDictionary<GrainId, WriteFault> Failing = new();
    private static readonly ConcurrentDictionary<GrainId, TaskCompletionSource> Held = new();
    private static readonly ConcurrentDictionary<string, int> FailingPings = new(StringComparer.Ordinal);

    /// <summary>Writes of <paramref name="grain"/>'s state fail, as <paramref name="fault"/> says, until the returned handle is disposed.</summary>
    public static IDisposable FailWritesOf(IAddressable grain, WriteFault fault = WriteFault.Refused)
    {
        var id = grain.GetGrainId();
        if (!Failing.TryAdd(id, fault)) throw new InvalidOperationException($"Writes of {id} already fail.");
        return new Handle(id);
    }

    /// <summary>
    /// Writes of <paramref name="grain"/>'s state wait (and, with <see cref="FailWritesOf"/>, then fail) until the returned
    /// handle is disposed, so a test can queue calls behind a write that is under way.
    /// </summary>
    public static IDisposable HoldWritesOf(IAddressable grain)
    {
        var id = grain.GetGrainId();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Held.TryAdd(id, gate)) throw new InvalidOperationException($"Writes of {id} are already held.");
        return new Release(() =>
        {
            Held.TryRemove(id, out _);
            gate.TrySetResult();
        });
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    /// <summary>Stores of <paramref name="technicianId"/>'s pings fail until the returned handle is disposed, as a ping history whose database is down.</summary>
    public static IDisposable FailPingsOf(string technicianId)
    {
        FailingPings.AddOrUpdate(technicianId, 1, (_, n) => n + 1);
        return new PingHandle(technicianId);
    }

    /// <summary>Wraps the registered <see cref="IPingHistory"/>, so <see cref="FailPingsOf"/> can make its stores fail.</summary>
    public static void InjectIntoPingHistory(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IPingHistory));
        services.Remove(registered);
        services.AddSingleton<IPingHistory>(sp => new FaultInjectingPingHistory((IPingHistory)registered.ImplementationFactory!(sp)));
    }

    /// <summary>Wraps the grain storage registered as <paramref name="name"/> in <paramref name="services"/>.</summary>
    public static void InjectInto(IServiceCollection services, string name)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => new FaultInjectingGrainStorage(Create(registered, sp, key)));
    }

    private static IGrainStorage Create(ServiceDescriptor registered, IServiceProvider services, object? key) =>
        (IGrainStorage)(registered.KeyedImplementationFactory?.Invoke(services, key)
            ?? registered.KeyedImplementationInstance
            ?? ActivatorUtilities.CreateInstance(services, registered.KeyedImplementationType!));

    private sealed class Handle(GrainId id) : IDisposable
    {
        public void Dispose() => Failing.TryRemove(id, out _);
    }

    private sealed class PingHandle(string technicianId) : IDisposable
    {
        public void Dispose() => FailingPings.AddOrUpdate(technicianId, 0, (_, n) => n - 1);
    }

    /// <summary>Refuses, as the real history does when its database did not take a batch, the stores naming a failing technician.</summary>
    private sealed class FaultInjectingPingHistory(IPingHistory inner) : IPingHistory
    {
        public Task StoreAsync(IReadOnlyList<PingRecord> records) =>
            records.Any(r => FailingPings.TryGetValue(r.TechnicianId, out var handles) && handles > 0)
                ? Task.FromException(new StorageUnavailableException("Injected ping history fault."))
                : inner.StoreAsync(records);

        public Task FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public Task<IReadOnlyList<PingRecord>> ReadTrackAsync(string tenantId, string technicianId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default) =>
            inner.ReadTrackAsync(tenantId, technicianId, from, to, limit, cancellationToken);

        public Task<PingRecord?> ReadLatestAsync(string tenantId, string technicianId, CancellationToken cancellationToken = default) =>
            inner.ReadLatestAsync(tenantId, technicianId, cancellationToken);
    }

    /// <summary>
    /// Delegates to the real storage; also takes part in the silo's lifecycle when that storage does (Orleans
    /// registers the named storage as a lifecycle participant by casting it).
    /// </summary>
    private sealed class FaultInjectingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            Failing.TryGetValue(grainId, out var fault) && fault == WriteFault.BrokeAndUnreadable
                ? throw new IOException($"Injected: storage unreadable for {grainId}.")
                : inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Held.TryGetValue(grainId, out var gate)) await gate.Task;
            if (!Failing.TryGetValue(grainId, out var fault))
            {
                await inner.WriteStateAsync(stateName, grainId, grainState);
                return;
            }

            if (fault == WriteFault.BrokeAfterCommitting) await inner.WriteStateAsync(stateName, grainId, grainState);
            throw fault switch
            {
                WriteFault.Refused => new StorageFaultException($"Injected storage fault for {grainId}."),
                _ => new IOException($"Injected: the connection broke after writing {grainId} was sent."),
            };
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            Failing.ContainsKey(grainId)
                ? throw new StorageFaultException($"Injected storage fault for {grainId}.")
                : inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}

/// <summary>How an injected write fails.</summary>
public enum WriteFault
{
    /// <summary>The database answers with an error: nothing was written, and it is known.</summary>
    Refused,

    /// <summary>The connection breaks after the write was sent, and it was not applied.</summary>
    BrokeBeforeCommitting,

    /// <summary>The connection breaks after the write was sent, and it was applied.</summary>
    BrokeAfterCommitting,

    /// <summary>The connection breaks after the write was sent, and storage cannot be read either.</summary>
    BrokeAndUnreadable,
}

/// <summary>The failure <see cref="StorageFaults"/> injects; crosses silos like any exception.</summary>
[GenerateSerializer]
public sealed class StorageFaultException : Exception
{
    public StorageFaultException(string message) : base(message) { }
}
