using Orleans.Streams;

namespace Orleans.Runtime;

internal sealed partial class ActivationData
{
    private Dictionary<Guid, Func<object?, StreamSequenceToken, Task>>? _streamHandlers;

    public void SetStreamHandler(Guid handleId, Func<object?, StreamSequenceToken, Task> handler)
    {
        lock (_lock) (_streamHandlers ??= [])[handleId] = handler;
    }

    public void RemoveStreamHandler(Guid handleId)
    {
        lock (_lock) _streamHandlers?.Remove(handleId);
    }

    public Func<object?, StreamSequenceToken, Task>? GetStreamHandler(Guid handleId)
    {
        lock (_lock) return _streamHandlers is not null && _streamHandlers.TryGetValue(handleId, out var h) ? h : null;
    }

    private void ClearStreamHandlers()
    {
        lock (_lock) _streamHandlers = null;
    }
}
