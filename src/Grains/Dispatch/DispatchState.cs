using Orleans;

namespace OrleansPortal.Grains.Dispatch;

[GenerateSerializer, Alias("op.DispatchState")]
public sealed class DispatchState
{
    [Id(0)]
    public string TimeZone { get; set; } = "UTC";

    [Id(1)]
    public bool AutoAssign { get; set; } = true;

    [Id(2)]
    public BookingRules BookingRules { get; set; } = BookingRules.Default;

    /// <summary>Tickets not yet completed, cancelled or on hold: what dispatch reloads on activation.</summary>
    [Id(3)]
    public HashSet<string> OpenTickets { get; set; } = [];

    /// <summary>Per day ("yyyy-MM-dd"), per technician, the ticket ids in route order.</summary>
    [Id(4)]
    public Dictionary<string, Dictionary<string, List<string>>> Plans { get; set; } = [];

    /// <summary>The last plan a dispatcher applied, with what it changed, so it can be undone; null when there is none or it was undone.</summary>
    [Id(5)]
    public AppliedPlanState? LastApplied { get; set; }

    /// <summary>
    /// Alerts raised by others (a payment given up) that no check of the day recomputes: kept until a dispatcher
    /// dismisses them or what raised them takes them back. By alert id.
    /// </summary>
    [Id(6)]
    public Dictionary<string, DispatchAlert> HeldAlerts { get; set; } = [];
}
