using Orleans;

namespace OrleansPortal.Grains.Support.Sla;

/// <summary>The company's SLA settings (one grain per company, key = tenant id).</summary>
[Alias("op.ISupportSlaGrain")]
public interface ISupportSlaGrain : IGrainWithStringKey
{
    /// <summary>The settings with the company's time zone; <see cref="SupportSlaSettings.Defaults"/> until the company sets its own.</summary>
    [Alias("GetPolicy")]
    Task<SlaPolicy> GetPolicyAsync();

    /// <summary>
    /// Replaces the settings. <see cref="ArgumentException"/> for settings with <see cref="SupportSlaSettings.Problems"/>;
    /// a write that fails leaves the previous settings in force.
    /// </summary>
    [Alias("Set")]
    Task<SlaPolicy> SetAsync(SupportSlaSettings settings);
}
