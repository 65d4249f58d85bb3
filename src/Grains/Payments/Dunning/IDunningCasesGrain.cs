using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// A company's failed payments being collected, and those closed in the last <see cref="DunningCasesGrain.KeptFor"/>,
/// keyed by tenant id: what the office's lists read without waking a grain per case. Each case writes its latest
/// state here after its own.
/// </summary>
[Alias("op.IDunningCasesGrain")]
public interface IDunningCasesGrain : IGrainWithStringKey
{
    Task RecordAsync(DunningSnapshot snapshot);

    /// <summary>The cases, of one customer when <paramref name="customerId"/> is given; the newest first.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<DunningSnapshot>> ListAsync(string? customerId);
}
