using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Dispatch;

namespace OrleansPortal.Grains.Support.Sla;

[GenerateSerializer, Alias("op.SupportSlaState")]
public sealed class SupportSlaState
{
    /// <summary>Null until the company saves its own: the defaults then apply (and improve with the code).</summary>
    [Id(0)] public SupportSlaSettings? Settings { get; set; }
}

public sealed class SupportSlaGrain([PersistentState("support-sla")] IPersistentState<SupportSlaState> state) : Grain, ISupportSlaGrain
{
    public async Task<SlaPolicy> GetPolicyAsync() => new(await TimeZoneAsync(), state.State.Settings ?? SupportSlaSettings.Defaults);

    public async Task<SlaPolicy> SetAsync(SupportSlaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems.Values.SelectMany(p => p)), nameof(settings));
        var ordered = settings with
        {
            Week = [.. settings.Week.OrderBy(h => ((int)h.Day + 6) % 7)], // Monday first
            Holidays = [.. settings.Holidays.Distinct().Order()],
            Targets = [.. settings.Targets.OrderByDescending(t => t.Priority)],
        };
        var previous = state.State.Settings;
        state.State.Settings = ordered;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Settings = previous;
            throw;
        }

        return new SlaPolicy(await TimeZoneAsync(), ordered);
    }

    /// <summary>The company's time zone lives in its dispatch settings, where the office sets it.</summary>
    private async Task<string> TimeZoneAsync() => (await GrainFactory.GetGrain<IDispatchGrain>(this.GetPrimaryKeyString()).GetSettingsAsync()).TimeZone;
}
