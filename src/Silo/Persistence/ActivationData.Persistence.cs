using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Orleans.Runtime;

internal sealed partial class ActivationData
{
    /// <summary>Called while the grain is constructed, for each [PersistentState] parameter; the state is read before OnActivateAsync.</summary>
    public IPersistentState<TState> CreatePersistentState<TState>(string stateName, string storageName)
    {
        var storage = Runtime.Services.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException(
                $"Grain {GrainId} asks for grain storage '{storageName}', but none is registered; add it with AddAdoNetGrainStorage(\"{storageName}\", ...) or AddMemoryGrainStorage(\"{storageName}\").");
        var state = new PersistentState<TState>(stateName, GrainId, storage);
        RegisterStateLoader(state);
        return state;
    }
}
