using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Benchmarks.StateWrites;

public interface IWriterGrain : IGrainWithIntegerKey
{
    Task WriteAsync(long value);
}

public sealed class WriterState
{
    public long Value { get; set; }

    public DateTimeOffset WrittenAt { get; set; }
}

public sealed class WriterGrain([PersistentState("writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public Task WriteAsync(long value)
    {
        state.State.Value = value;
        state.State.WrittenAt = DateTimeOffset.UtcNow;
        return state.WriteStateAsync();
    }
}
