using System.Text;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Storage;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Identity;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Notifications;

namespace OrleansPortal.Web.Portal;

/// <summary>
/// Works through the <see cref="MagicLinkOutbox"/> one request at a time: asks the email index whom the email belongs to
/// (it also applies the per-email limit), issues one link per contact and sends them all in one mail. An email that is a
/// contact of several customers (in one company or several) gets one link for each, named by company and customer, and
/// each link signs in to that one customer.
/// </summary>
public sealed partial class MagicLinkSender(
    MagicLinkOutbox outbox, IClusterClient grains, IEmailSender mail, IOptions<PortalOptions> options, DomainClock clock, ILogger<MagicLinkSender> logger)
    : BackgroundService
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>More would make a mail nobody can use; an email with that many customers is a data problem to look at.</summary>
    public const int MaxLinksPerMail = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendLinksAsync(email, stoppingToken);
            }
            // One failed mail must not stop the sender for everyone else; these are the failures sending can meet.
            catch (Exception ex) when (ex is DeliveryFailedException or ArgumentException or InconsistentStateException or InvalidOperationException)
            {
                LogFailed(ex);
            }
        }
    }

    private async Task SendLinksAsync(string email, CancellationToken cancellationToken)
    {
        var contacts = await grains.GetGrain<IContactEmailGrain>(email).RequestLinksAsync();
        if (contacts.Count == 0) return; // unknown, or over its limit: the requester was told the same either way

        var links = new List<(string Label, string Name, string Url)>();
        foreach (var contact in contacts.Take(MaxLinksPerMail))
        {
            CustomerSnapshot customer;
            try
            {
                customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(contact.TenantId, contact.CustomerId)).GetAsync();
            }
            catch (NotFoundException)
            {
                continue; // an index entry outliving its customer: nothing to sign in to
            }

            // The address must still be the contact's: an index entry can outlive an email change or a removal for as
            // long as its removal is being retried, and a link must never go to an address the office replaced.
            var name = customer.Contacts.FirstOrDefault(c => c.ContactId == contact.ContactId && c.Email == email)?.Name;
            if (name is null) continue;
            var company = await grains.GetGrain<ICompanyGrain>(contact.TenantId).GetAsync();
            var (token, hash) = SecretToken.Create();
            await grains.GetGrain<IMagicLinkGrain>(hash).IssueAsync(new MagicLinkGrant(contact, clock.GetUtcNow() + LinkLifetime));
            links.Add(($"{company?.Name ?? "Your service company"}: {customer.Name}", name, LinkFor(token)));
        }

        if (links.Count == 0) return;
        await mail.SendAsync(new EmailMessage(email, "Your sign-in link", Compose(links)), cancellationToken);
        LogSent(links.Count);
    }

    private string LinkFor(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/portal/login?token={token}";

    private static string Compose(List<(string Label, string Name, string Url)> links)
    {
        var body = new StringBuilder($"Hello {links[0].Name},\n\n");
        body.Append(links.Count == 1
            ? "Use this link to sign in to your customer portal."
            : "You are a contact of several customers; each link signs you in to one of them.");
        body.Append($" A link works once and expires in {LinkLifetime.TotalMinutes:0} minutes.\n\n");
        foreach (var (label, _, url) in links) body.Append($"{label}\n{url}\n\n");
        body.Append("If you did not ask to sign in, ignore this email: nobody can sign in without the link.\n");
        return body.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a sign-in mail with {Links} link(s).")]
    private partial void LogSent(int links);

    [LoggerMessage(Level = LogLevel.Error, Message = "A sign-in mail could not be sent.")]
    private partial void LogFailed(Exception exception);
}
