using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Email.Inbound;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Email;

/// <summary>
/// Email to support cases, at each company's support address (<see cref="SupportAddresses"/>), received by the app's SMTP
/// receiver:
/// <list type="bullet">
/// <item>mail no person wrote (auto-replies, bounces, lists: <see cref="CaseMail.IsAutomatic"/>) is dropped, so nothing
/// loops;</item>
/// <item>the sender must be a contact of one of the company's customers (by their email); anyone else's mail opens
/// nothing, so a stranger cannot write into a customer's case;</item>
/// <item>a mail that names a case (its "[C-00042]" in the subject, or an answer to one of the case's own messages by
/// In-Reply-To/References) from a contact of that case's customer is added to it, without the quoted mail it answers,
/// and opens it again if it was waiting or resolved; otherwise, or when that case is closed, it opens a new case;</item>
/// <item>the same mail delivered twice (its sender retried) is added once: its Message-Id names the new case, or the entry.</item>
/// </list>
/// Storage that fails defers the mail (451), so the sending server delivers it again later.
/// </summary>
public sealed partial class CaseMailbox(
    IOptions<SupportEmailOptions> options, IClusterClient grains, ISupportCaseIndex index, INotificationOutbox outbox, ILogger<CaseMailbox> logger) : IInboundMailbox
{
    private readonly SupportAddresses? _addresses = SupportAddresses.From(options.Value);

    public bool Accepts(string address) => _addresses?.TenantFor(address) is not null;

    public async Task ReceiveAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var tenantId = _addresses?.TenantFor(mail.Recipient) ?? throw new ArgumentException("Not a support address of ours.", nameof(mail));
        var message = mail.Message;
        try
        {
            await ReceiveAsync(tenantId, message, mail.EnvelopeSender, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or StorageUnavailableException or TimeoutException)
        {
            throw new InboundMailDeferredException("The mail could not be stored now.", ex);
        }
    }

    private async Task ReceiveAsync(string tenantId, MimeMessage message, string? envelopeSender, CancellationToken cancellationToken)
    {
        if (CaseMail.IsAutomatic(message, envelopeSender))
        {
            LogIgnored(tenantId, "sent by a machine");
            return;
        }

        if (await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync() is null || message.From.Mailboxes.FirstOrDefault()?.Address is not { } from)
        {
            LogIgnored(tenantId, "no such company, or no sender");
            return;
        }

        var contacts = (await grains.GetGrain<IContactEmailGrain>(EmailAddress.Normalize(from)).GetAsync()).Where(c => c.TenantId == tenantId).ToList();
        if (contacts.Count == 0)
        {
            LogIgnored(tenantId, "the sender is no contact of the company's customers");
            return;
        }

        var text = CaseMail.TextOf(message);
        var source = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId;
        if (await ThreadAsync(tenantId, message, cancellationToken) is { } caseId)
        {
            var thread = Case(tenantId, caseId);
            var existing = await thread.GetAsync(ConversationReader.Team);
            if (contacts.FirstOrDefault(c => c.CustomerId == existing.CustomerId) is { } writer && existing.Status != CaseStatus.Closed)
            {
                if (text.Length == 0) return; // an empty answer adds nothing
                await thread.ReplyAsync(new CaseReply(await AuthorAsync(writer), text, [], SourceId: source));
                return;
            }
        }

        // A new case, for the sender's first customer in this company (a person who is a contact of two customers of
        // the same company writes for the first; the team can see which on the case).
        var contact = contacts[0];
        var newCaseId = source is null ? TenantKeys.NewId() : CaseIdFor(tenantId, source);
        await Case(tenantId, newCaseId).OpenAsync(new NewCase(contact.CustomerId, await AuthorAsync(contact), CaseChannel.Email, CaseCategory.Question, CasePriority.Normal,
            CaseMail.SubjectOf(message.Subject), text.Length > 0 ? text : "(no text)", [], SourceId: source));
    }

    /// <summary>The case a mail names: by the number in its subject, else by the case message of ours it answers.</summary>
    private async Task<string?> ThreadAsync(string tenantId, MimeMessage message, CancellationToken cancellationToken)
    {
        if (CaseMail.CaseNumberIn(message.Subject) is { } number && await index.FindByNumberAsync(tenantId, number, cancellationToken) is { } byNumber) return byNumber;
        var answered = message.References.Reverse().Prepend(message.InReplyTo).Where(id => !string.IsNullOrEmpty(id)).Distinct();
        foreach (var id in answered)
        {
            var ours = await outbox.FindByProviderAsync(nameof(NotificationChannel.Email), id!, cancellationToken);
            // "CaseReplied:{case}:{entry}:{contact}:{channel}" or "CaseAcknowledged:{case}:{contact}:{channel}"
            if (ours is { Message: { } sent } && sent.TenantId == tenantId && sent.Trigger is NotificationTrigger.CaseAcknowledged or NotificationTrigger.CaseReplied)
                return sent.DeliveryKey.Split(':')[1];
        }

        return null;
    }

    private async Task<MessageAuthor> AuthorAsync(ContactRef contact)
    {
        var person = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(contact.TenantId, contact.CustomerId)).GetContactAsync(contact.ContactId);
        return MessageAuthor.Customer(person.ContactId, person.Name);
    }

    private ICaseGrain Case(string tenantId, string caseId) => grains.GetGrain<ICaseGrain>(TenantKeys.For(tenantId, caseId));

    /// <summary>The case a mail opens, named by its Message-Id: the same mail delivered again opens the same case.</summary>
    private static string CaseIdFor(string tenantId, string messageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{messageId}")).AsSpan(0, 16));

    // The company and the reason only: no address or mail text in logs.
    [LoggerMessage(Level = LogLevel.Information, Message = "A mail to the support address of tenant {TenantId} opened nothing: {Reason}")]
    private partial void LogIgnored(string tenantId, string reason);
}
