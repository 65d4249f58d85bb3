using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Support.Routing;

[GenerateSerializer, Alias("op.SupportRoutingState")]
public sealed class SupportRoutingState
{
    [Id(0)] public SupportRoutingSettings? Settings { get; set; }
}

/// <summary>
/// Keeps the settings; the load comes from the queue's table each time (what the agents hold now, whoever assigned
/// it), and the round robin's memory of who got the last cases is kept in the activation: lost with it, it starts over
/// fairly, since the load still counts.
/// </summary>
public sealed class SupportRoutingGrain(
    [PersistentState("support-routing")] IPersistentState<SupportRoutingState> state,
    ISupportCaseIndex index) : Grain, ISupportRoutingGrain
{
    private readonly Dictionary<string, long> _lastAssigned = new(StringComparer.Ordinal);

    private long _assignments;

    private SupportRoutingSettings Settings => state.State.Settings ?? SupportRoutingSettings.Off;

    public Task<SupportRoutingSettings> GetAsync() => Task.FromResult(Settings);

    public async Task<SupportRoutingSettings> SetAsync(SupportRoutingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Agents.Count > SupportRoutingSettings.MaxAgents) throw new ArgumentException($"At most {SupportRoutingSettings.MaxAgents} agents.", nameof(settings));
        if (settings.Agents.GroupBy(a => SupportRouting.Key(a.Email)).Any(g => g.Count() > 1)) throw new ArgumentException("An agent is named twice.", nameof(settings));
        state.State.Settings = settings with { Agents = [.. settings.Agents.Select(a => a with { Email = a.Email.Trim(), Categories = [.. a.Categories.Distinct()] })] };
        await state.WriteStateAsync();
        return Settings;
    }

    public async Task<string?> ChooseAsync(CaseCategory category)
    {
        if (!Settings.Enabled) return null;
        var tenantId = this.GetPrimaryKeyString();
        var dispatchers = await GrainFactory.GetGrain<ICompanyGrain>(tenantId).GetDispatchersAsync();
        var load = await index.LoadAsync(tenantId);
        var chosen = SupportRouting.Choose(category, dispatchers, Settings, load, _lastAssigned);
        if (chosen is not null) _lastAssigned[SupportRouting.Key(chosen)] = ++_assignments;
        return chosen;
    }
}
