using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Tickets;

/// <summary>
/// Where tickets announce their changes: one stream per tenant ("ticket-changes/{tenant}"), which the tenant's dispatch
/// grain subscribes to implicitly. A stream rather than a call, so a ticket never waits for dispatch and dispatch
/// reacts in its own turn, outside the caller's call chain.
/// </summary>
public static class TicketStreams
{
    public const string ProviderName = "StreamProvider";
    public const string ChangesNamespace = "ticket-changes";

    public static StreamId ChangesFor(string tenantId) => StreamId.Create(ChangesNamespace, tenantId);
}

/// <summary>A ticket as it is after a change (created, status, pin).</summary>
[GenerateSerializer, Immutable, Alias("op.TicketChanged")]
public sealed record TicketChanged(TicketSnapshot Ticket);
