namespace Orleans.Streams;

/// <summary>Receives a stream's events in order, one at a time.</summary>
public interface IAsyncObserver<in T>
{
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    Task OnCompletedAsync();

    Task OnErrorAsync(Exception ex);
}
