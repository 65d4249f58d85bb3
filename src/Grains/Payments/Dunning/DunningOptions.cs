namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>Configuration section "Payments:Dunning".</summary>
public sealed class DunningOptions
{
    /// <summary>
    /// How often an open case's reminder checks again after its due time: a retry the provider could not take, or a
    /// pause it could not make, is tried again after this long.
    /// </summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a company's overdue invoices are looked at; reminders go out on the first look after a step's day begins.</summary>
    public TimeSpan OverdueCheckPeriod { get; set; } = TimeSpan.FromHours(6);
}
