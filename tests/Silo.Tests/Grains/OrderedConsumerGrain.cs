using Orleans.Streams;
using OrleansPortal.Silo.Hosting;

namespace OrleansPortal.Silo.Tests.Grains;

[ImplicitStreamSubscription(OrderedStream.Namespace)]
public sealed class OrderedConsumerGrain : Grain, IOrderedConsumerGrain
{
    private readonly List<int> _received = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(PortalSiloBuilderExtensions.StreamProvider).GetStream<int>(OrderedStream.For(this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((value, _) =>
        {
            _received.Add(value);
            return Task.CompletedTask;
        });
    }

    public Task<IReadOnlyList<int>> ReceivedAsync() => Task.FromResult<IReadOnlyList<int>>([.. _received]);
}
