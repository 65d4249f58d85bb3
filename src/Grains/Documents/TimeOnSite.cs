using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// Arrival and departure as the ticket's audit trail recorded them: the first time it went on site, and the completion
/// after it. A job that went on site, turned back and came again counts from the first arrival, since the customer's
/// property was being worked on from then.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.TimeOnSite")]
public sealed record TimeOnSite(DateTimeOffset? Arrived, DateTimeOffset? Departed)
{
    public TimeSpan? Duration => Arrived is { } a && Departed is { } d ? d - a : null;

    public static TimeOnSite From(IEnumerable<AuditEntry> audit)
    {
        DateTimeOffset? arrived = null;
        foreach (var entry in audit)
        {
            if (entry.To == TicketStatus.OnSite && entry.From != TicketStatus.OnSite) arrived ??= entry.At;
            else if (entry.To == TicketStatus.Completed && arrived is not null) return new TimeOnSite(arrived, entry.At);
        }
        return new TimeOnSite(arrived, null);
    }
}
