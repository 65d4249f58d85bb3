using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>
/// Storage that fails on demand: writes and clears of the grains a test names throw, as a database that is down
/// would; reads and every other grain are untouched. Wraps whatever grain storage the silo registered under a name.
/// </summary>
public static class StorageFaults
{
    private static readonly ConcurrentDictionary<GrainId, int> Failing = new();

    /// <summary>Writes of <paramref name="grain"/>'s state fail until the returned handle is disposed.</summary>
    public static IDisposable FailWritesOf(IAddressable grain)
    {
        var id = grain.GetGrainId();
        Failing.AddOrUpdate(id, 1, (_, n) => n + 1);
        return new Handle(id);
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

    private static void ThrowIfFailing(GrainId grainId)
    {
        if (Failing.TryGetValue(grainId, out var handles) && handles > 0) throw new StorageFaultException($"Injected storage fault for {grainId}.");
    }

    private sealed class Handle(GrainId id) : IDisposable
    {
        public void Dispose() => Failing.AddOrUpdate(id, 0, (_, n) => n - 1);
    }

    /// <summary>
    /// Delegates to the real storage; also takes part in the silo's lifecycle when that storage does (Orleans
    /// registers the named storage as a lifecycle participant by casting it).
    /// </summary>
    private sealed class FaultInjectingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            ThrowIfFailing(grainId);
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            ThrowIfFailing(grainId);
            return inner.ClearStateAsync(stateName, grainId, grainState);
        }

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}

/// <summary>The failure <see cref="StorageFaults"/> injects; crosses silos like any exception.</summary>
[GenerateSerializer]
public sealed class StorageFaultException : Exception
{
    public StorageFaultException(string message) : base(message) { }
}
