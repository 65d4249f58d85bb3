using Orleans.Runtime;

namespace Orleans.Streams;

/// <summary>A named stream provider, configured on the silo (AddMemoryStreams).</summary>
public interface IStreamProvider
{
    string Name { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
