using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Payments.Dunning;

[GenerateSerializer, Alias("op.DunningCasesState")]
public sealed class DunningCasesState
{
    [Id(0)]
    public Dictionary<string, DunningSnapshot> Cases { get; set; } = [];
}

public sealed class DunningCasesGrain([PersistentState("dunning-cases")] IPersistentState<DunningCasesState> state, DomainClock clock) : Grain, IDunningCasesGrain
{
    /// <summary>A closed case stays listed this long, so the office sees how it ended.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public async Task RecordAsync(DunningSnapshot snapshot)
    {
        var cases = state.State.Cases;
        cases[snapshot.CaseId] = snapshot;
        var cutoff = clock.GetUtcNow() - KeptFor;
        foreach (var old in cases.Values.Where(c => c.Status == DunningStatus.Resolved && c.ClosedAt < cutoff).Select(c => c.CaseId).ToList()) cases.Remove(old);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<DunningSnapshot>> ListAsync(string? customerId) => Task.FromResult<IReadOnlyList<DunningSnapshot>>(
        [.. state.State.Cases.Values.Where(c => customerId is null || c.Case.CustomerId == customerId).OrderByDescending(c => c.OpenedAt)]);
}
