using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Notifications.Email;

namespace OrleansPortal.Web.Support.Email;

/// <summary>
/// Keeps a support case one conversation in the customer's mail client (RFC 5322 In-Reply-To and References): the
/// acknowledgement answers the mail that opened the case, when one did, and each answer of the team follows the
/// acknowledgement. Message-Ids of ours are derived from delivery keys (<see cref="EmailChannel.MessageIdFor(string, string)"/>),
/// so the acknowledgement's id is known without storing it; the opening mail's is the case's first message's source.
/// </summary>
public sealed class CaseMailThreads(IClusterClient grains)
{
    public async Task<(string? InReplyTo, IReadOnlyList<string> References)?> ForAsync(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Trigger is not (NotificationTrigger.CaseAcknowledged or NotificationTrigger.CaseReplied)) return null;
        // "CaseAcknowledged:{case}:{contact}:{channel}" or "CaseReplied:{case}:{entry}:{contact}:{channel}"
        var parts = message.DeliveryKey.Split(':');
        if (parts.Length < 4) return null;
        var caseId = parts[1];
        CaseSnapshot opened;
        try
        {
            opened = await grains.GetGrain<ICaseGrain>(TenantKeys.For(message.TenantId, caseId)).GetAsync(ConversationReader.Team);
        }
        catch (NotFoundException)
        {
            return null; // a case that is no more still gets its mail, unthreaded
        }

        var references = new List<string>();
        if (opened.Channel == CaseChannel.Email && opened.Entries.FirstOrDefault()?.SourceId is { } source) references.Add(source);
        if (message.Trigger == NotificationTrigger.CaseReplied)
            references.Add(EmailChannel.MessageIdFor(message.TenantId, $"{NotificationTrigger.CaseAcknowledged}:{caseId}:{parts[^2]}:{parts[^1]}"));
        return references.Count == 0 ? null : (references[^1], references);
    }
}
