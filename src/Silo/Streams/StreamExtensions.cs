using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Streams;

/// <summary>Delegate-based subscriptions and provider lookup, as in Orleans.</summary>
public static class StreamExtensions
{
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(this IAsyncStream<T> stream, Func<T, StreamSequenceToken?, Task> onNextAsync) =>
        stream.SubscribeAsync(new DelegateObserver<T>(onNextAsync));

    public static Task<StreamSubscriptionHandle<T>> ResumeAsync<T>(this StreamSubscriptionHandle<T> handle, Func<T, StreamSequenceToken?, Task> onNextAsync) =>
        handle.ResumeAsync(new DelegateObserver<T>(onNextAsync));

    public static IStreamProvider GetStreamProvider(this Grain grain, string name) => GetStreamProvider(grain.ServiceProvider, name);

    public static IStreamProvider GetStreamProvider(this IClusterClient client, string name) => GetStreamProvider(client.ServiceProvider, name);

    private static IStreamProvider GetStreamProvider(IServiceProvider services, string name) =>
        services.GetKeyedService<IStreamProvider>(name)
        ?? throw new KeyNotFoundException($"No stream provider named '{name}' is registered; add it with AddMemoryStreams(\"{name}\").");

    private sealed class DelegateObserver<T>(Func<T, StreamSequenceToken?, Task> onNext) : IAsyncObserver<T>
    {
        public Task OnNextAsync(T item, StreamSequenceToken? token = null) => onNext(item, token);

        public Task OnCompletedAsync() => Task.CompletedTask;

        public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
    }
}
