using Orleans.Storage;

namespace Orleans.Runtime;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: a state value plus its ETag, bound to one grain and one storage.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<TState>, IGrainState<TState>, IStateLoader
{
    public TState State { get; set; } = CreateDefault();

    public string? Etag => ETag;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task LoadAsync() => ReadStateAsync();

    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grainId, this);

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, this);

    public async Task ClearStateAsync()
    {
        await storage.ClearStateAsync(stateName, grainId, this);
        State = CreateDefault();
    }

    // A new state is the type's parameterless constructor where it has one, so grains never see a null State.
    private static TState CreateDefault() =>
        typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<TState>()
            : default!;
}
