namespace OrleansPortal.Grains.Tickets;

/// <summary>
/// Which status changes a work order allows. Completed and cancelled are final; on hold remembers where it came
/// from and resumes there. Everything else follows the day of a job: new → scheduled → assigned → en route →
/// on site → completed, with the steps back a dispatcher needs (unassign, turn back, reschedule).
/// </summary>
public static class TicketLifecycle
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Scheduled, TicketStatus.Assigned, TicketStatus.Cancelled, TicketStatus.OnHold],
        [TicketStatus.Scheduled] = [TicketStatus.Scheduled, TicketStatus.Assigned, TicketStatus.Cancelled, TicketStatus.OnHold],
        [TicketStatus.Assigned] = [TicketStatus.Assigned, TicketStatus.New, TicketStatus.Scheduled, TicketStatus.EnRoute, TicketStatus.Cancelled, TicketStatus.OnHold],
        [TicketStatus.EnRoute] = [TicketStatus.OnSite, TicketStatus.Assigned, TicketStatus.Cancelled, TicketStatus.OnHold],
        [TicketStatus.OnSite] = [TicketStatus.Completed, TicketStatus.OnHold],
        [TicketStatus.OnHold] = [TicketStatus.Cancelled], // and back to the status it was held in (see CanMove)
        [TicketStatus.Completed] = [],
        [TicketStatus.Cancelled] = [],
    };

    public static bool IsFinal(TicketStatus status) => status is TicketStatus.Completed or TicketStatus.Cancelled;

    /// <summary>Whether <paramref name="from"/> may become <paramref name="to"/>; <paramref name="heldFrom"/> is where an on-hold ticket resumes.</summary>
    public static bool CanMove(TicketStatus from, TicketStatus to, TicketStatus? heldFrom) =>
        Allowed[from].Contains(to) || (from == TicketStatus.OnHold && to == heldFrom);

    /// <summary>A sentence for the refusal: what is allowed instead.</summary>
    public static string Explain(TicketStatus from, TicketStatus to, TicketStatus? heldFrom)
    {
        if (IsFinal(from)) return $"The ticket is {from}; it cannot change any more.";
        var options = Allowed[from].Concat(from == TicketStatus.OnHold && heldFrom is { } h ? [h] : []).Distinct();
        return $"A ticket that is {from} cannot become {to}; it can become {string.Join(", ", options)}.";
    }
}
