namespace OrleansPortal.Benchmarks.StateWrites;

[Alias("bench.IWriterGrain")]
public interface IWriterGrain : IGrainWithIntegerKey
{
    Task WriteAsync(long value);
}

[GenerateSerializer, Alias("bench.WriterState")]
public sealed class WriterState
{
    [Id(0)]
    public long Value { get; set; }

    [Id(1)]
    public DateTimeOffset WrittenAt { get; set; }
}

public sealed class WriterGrain([PersistentState("bench-writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public Task WriteAsync(long value)
    {
        state.State.Value = value;
        state.State.WrittenAt = DateTimeOffset.UtcNow;
        return state.WriteStateAsync();
    }
}
