using OrleansPortal.Silo.Hosting;

namespace OrleansPortal.Silo.Tests.Grains;

public sealed class OrderedPublisherGrain : Grain, IOrderedPublisherGrain
{
    public async Task PublishAsync(string streamKey, int count)
    {
        var stream = this.GetStreamProvider(PortalSiloBuilderExtensions.StreamProvider).GetStream<int>(OrderedStream.For(streamKey));
        for (var i = 0; i < count; i++) await stream.OnNextAsync(i);
    }
}
