using Orleans;

namespace OrleansPortal.Silo.Tests.Storage;

/// <summary>What a persistent-state holder passes to a storage: the value plus the ETag and existence it last saw.</summary>
public sealed class TestGrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
