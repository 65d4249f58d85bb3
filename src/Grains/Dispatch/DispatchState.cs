namespace OrleansPortal.Grains.Dispatch;

public sealed class DispatchState
{
    public string TimeZone { get; set; } = "UTC";

    public bool AutoAssign { get; set; } = true;

    public BookingRules BookingRules { get; set; } = BookingRules.Default;

    /// <summary>Tickets not yet completed, cancelled or on hold: what dispatch reloads on activation.</summary>
    public HashSet<string> OpenTickets { get; set; } = [];

    /// <summary>Per day ("yyyy-MM-dd"), per technician, the ticket ids in route order.</summary>
    public Dictionary<string, Dictionary<string, List<string>>> Plans { get; set; } = [];
}
